/**
 * Text a server chose (error codes, fault names, request ids, messages) made safe to show or log:
 * control and layout characters gone (a newline in a request id would forge lines in the log; bidi
 * overrides would make a message read differently than it is), whitespace collapsed, known secrets
 * and secret-looking fields masked, and the length bounded.
 */
import { redactSecrets } from './redact';

/** Longest server text kept, by what it is: codes and ids are short, messages a sentence or two. */
export const SERVER_TEXT_LIMITS = { code: 64, requestId: 128, message: 500 } as const;

// C0 and C1 controls, DEL, zero-width and bidi formatting characters, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g;

/**
 * Text nothing needs to be done to: no control, layout or space characters, and none of `:`, `=` or
 * `"` that every secret pattern needs. Request ids (read from every answer) are of this kind.
 */
const PLAIN = /^[A-Za-z0-9._-]*$/;

export function serverText(
  value: string,
  maxLength: number,
  secrets: readonly (string | undefined)[] = [],
): string {
  if (secrets.length === 0 && value.length <= maxLength && PLAIN.test(value)) return value;
  // Control characters become spaces first, so words on either side of a line break stay apart.
  const flat = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return clipText(redactSecrets(flat, secrets), maxLength);
}

/** `serverText`, or undefined when nothing is left of it. */
export function optionalServerText(
  value: string | undefined,
  maxLength: number,
  secrets: readonly (string | undefined)[] = [],
): string | undefined {
  if (value === undefined) return undefined;
  return serverText(value, maxLength, secrets) || undefined;
}

export function clipText(value: string, maxLength: number): string {
  return value.length > maxLength ? `${value.slice(0, Math.max(0, maxLength - 3))}...` : value;
}
