/**
 * "Hide until" dates: the UI shows a calendar day, the database stores epoch ms.
 * A day means local midnight at its start, so "hide until June 1" stops on June 1.
 */

/** The `<input type="date">` value (YYYY-MM-DD, local) of an epoch ms; '' for null. */
export function toDateInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a YYYY-MM-DD value; null for '' or anything that is not a date. */
export function fromDateInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** A short, locale-formatted day for display. */
export function formatDay(ms: number, locale?: string): string {
  return new Date(ms).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}
