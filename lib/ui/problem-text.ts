/**
 * A problem from the background or the file parser (lib/shared/problem.ts), worded in the
 * user's language: one message per code, its parameters put in, numbers formatted for the
 * language, and a group of names called by its label.
 */
import type { Problem, ProblemCode } from '../shared/problem';
import { TERM_GROUPS, type TermGroup } from '../shared/watchlist';
import { t, uiLanguage, type MessageKey } from './i18n';

/** The message of each code; the compiler checks that every code has one, and that it is in the catalogue. */
export const PROBLEM_MESSAGES: Record<ProblemCode, MessageKey> = {
  'title-missing': 'problem_title_missing',
  'title-too-long': 'problem_title_too_long',
  'hide-until-invalid': 'problem_hide_until_invalid',
  'flag-invalid': 'problem_flag_invalid',
  'name-too-long': 'problem_name_too_long',
  'terms-not-list': 'problem_terms_not_list',
  'title-taken': 'problem_title_taken',
  'list-gone': 'problem_list_gone',
  'setting-invalid': 'problem_setting_invalid',
  'host-missing': 'problem_host_missing',
  'storage-full': 'problem_storage_full',
  'progress-invalid': 'problem_progress_invalid',
  'mode-invalid': 'problem_mode_invalid',
  'link-invalid': 'problem_link_invalid',
  'file-too-large': 'problem_file_too_large',
  'file-unreadable': 'problem_file_unreadable',
  'file-not-json': 'problem_file_not_json',
  'file-not-json-at': 'problem_file_not_json_at',
  'file-not-ours': 'problem_file_not_ours',
  'file-version': 'problem_file_version',
  'file-version-missing': 'problem_file_version_missing',
  'file-no-lists': 'problem_file_no_lists',
  'file-too-many-terms': 'problem_file_too_many_terms',
  'entry-not-object': 'problem_entry_not_object',
  'entry-title-not-text': 'problem_entry_title_not_text',
  'entry-title-missing': 'problem_entry_title_missing',
  'entry-title-too-long': 'problem_entry_title_too_long',
  'entry-flag-invalid': 'problem_entry_flag_invalid',
  'entry-hide-until-invalid': 'problem_entry_hide_until_invalid',
  'entry-terms-not-list': 'problem_entry_terms_not_list',
  'entry-term-too-long': 'problem_entry_term_too_long',
  'entry-progress-invalid': 'problem_entry_progress_invalid',
  'entry-mode-invalid': 'problem_entry_mode_invalid',
  'entry-link-invalid': 'problem_entry_link_invalid',
  'subscription-url-empty': 'problem_subscription_url_empty',
  'subscription-url-invalid': 'problem_subscription_url_invalid',
  'subscription-url-not-https': 'problem_subscription_url_not_https',
  'subscription-url-credentials': 'problem_subscription_url_credentials',
  'subscription-url-too-long': 'problem_subscription_url_too_long',
  'subscription-not-allowed': 'problem_subscription_not_allowed',
  'subscription-unreachable': 'problem_subscription_unreachable',
  'subscription-timeout': 'problem_subscription_timeout',
  'subscription-gone': 'problem_subscription_gone',
  'subscription-forbidden': 'problem_subscription_forbidden',
  'subscription-http': 'problem_subscription_http',
  'subscription-redirect': 'problem_subscription_redirect',
  'subscription-cut-off': 'problem_subscription_cut_off',
  'subscription-list-missing': 'problem_subscription_list_missing',
  'subscriptions-unavailable': 'problem_subscriptions_unavailable',
  'unknown-message': 'problem_unknown_message',
  'not-allowed': 'problem_not_allowed',
  'invalid-request': 'problem_invalid_request',
  'no-answer': 'error_no_answer',
  failed: 'problem_failed',
};

const isGroup = (value: unknown): value is TermGroup => (TERM_GROUPS as readonly unknown[]).includes(value);

/** The sentence for `problem` in the user's language; an unknown code (a newer background) reads as a failure. */
export function problemText(problem: Problem): string {
  const key = Object.hasOwn(PROBLEM_MESSAGES, problem.code) ? PROBLEM_MESSAGES[problem.code] : PROBLEM_MESSAGES.failed;
  const numbers = new Intl.NumberFormat(uiLanguage());
  const params = (problem.params ?? []).map((value) => (typeof value === 'number' ? numbers.format(value) : value));
  // The database names a group by its field; the user knows it by its label.
  if (problem.code === 'terms-not-list' && isGroup(params[0])) params[0] = t(`group_${params[0]}`);
  return t(key, params);
}
