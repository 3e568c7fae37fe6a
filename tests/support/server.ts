/**
 * A small HTTP server on 127.0.0.1 for end-to-end tests, the benchmark and the demo.
 * Routes are functions, so a test can serve generated pages or stream a page in chunks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Adds or replaces the route for a path. */
  route(path: string, handler: Route): void;
  /** Serves fixed HTML at a path. */
  html(path: string, body: string): void;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, handler) => void routes.set(path, handler),
    html: (path, body) =>
      void routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
