/**
 * The one redaction function. Everything that may reach a log, an error message or a screen passes
 * through it: secret header values, password fields, signatures, and any exact secret the caller knows.
 */

const MASK = '***';

const PATTERNS: { pattern: RegExp; replace: string }[] = [
  // Header lines and canonical-request lines (APIGW.0301 echoes the canonical request with `|` for newlines).
  {
    pattern: /\b(authorization|x-auth-token|x-subject-token|x-security-token)(\s*[:=]\s*)("?)[^\s"|,;]+/gi,
    replace: `$1$2$3${MASK}`,
  },
  // What follows `Authorization: SDK-HMAC-SHA256` (Access=, Signature=).
  { pattern: /\b(Access|Signature)=([^\s,"|;]+)/g, replace: `$1=${MASK}` },
  // JSON fields: "password": "...", "secretKey": "...", "token": "..." and friends.
  {
    pattern:
      /("(?:password|secret|secretKey|secret_key|sk|securityToken|security_token|securitytoken|token|accessKey|access_key|ak)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
    replace: `$1${MASK}$3`,
  },
];

/**
 * Masks known secret patterns in `text`, then every exact occurrence of `knownSecrets`
 * (empty and very short strings are skipped so ordinary words are not masked).
 */
export function redactSecrets(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const { pattern, replace } of PATTERNS) result = result.replace(pattern, replace);
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(MASK);
  }
  return result;
}

/** A short, safe hint of a credential for display: the first 4 characters of an access key, then a mask. */
export function redact(value: string | undefined): string {
  if (!value) return '';
  return value.length <= 8 ? MASK : `${value.slice(0, 4)}${MASK}`;
}
