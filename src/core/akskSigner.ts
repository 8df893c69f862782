/**
 * `SDK-HMAC-SHA256` request signing (Huawei Cloud API signing guide; agrees byte for byte with the
 * official `AKSKSigner` of @huaweicloud/huaweicloud-sdk-core for the requests this core sends).
 */
import { createHash, createHmac } from 'node:crypto';
import { canonicalQuery, canonicalUri, type QueryParams } from './percentEncoding';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignableRequest {
  method: string;
  /** Path as sent on the wire (already percent-encoded), without query. */
  path: string;
  query: QueryParams;
  /** Every header to sign, by name; must include `host` and `x-sdk-date`. Values sent exactly as given. */
  headers: Readonly<Record<string, string>>;
  body?: string;
}

export interface SigningKey {
  accessKey: string;
  secretKey: string;
}

/** `yyyyMMddTHHmmssZ` in UTC, the X-Sdk-Date format. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalRequest(request: SignableRequest): { text: string; signedHeaders: string } {
  const names = Object.keys(request.headers)
    .map((name) => [name.toLowerCase(), request.headers[name]] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const headerBlock = names.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = names.map(([name]) => name).join(';');
  const bodyHash = request.body ? sha256Hex(request.body) : EMPTY_BODY_SHA256;
  const text = [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    headerBlock,
    signedHeaders,
    bodyHash,
  ].join('\n');
  return { text, signedHeaders };
}

/** The value of the Authorization header for `request`, whose headers already carry X-Sdk-Date. */
export function signRequest(request: SignableRequest, key: SigningKey): string {
  const sdkDate = headerValue(request.headers, 'x-sdk-date');
  if (!sdkDate) throw new Error('X-Sdk-Date must be among the signed headers');
  const { text, signedHeaders } = canonicalRequest(request);
  const stringToSign = `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(text)}`;
  const signature = createHmac('sha256', key.secretKey).update(stringToSign, 'utf8').digest('hex');
  return `${SIGNING_ALGORITHM} Access=${key.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function headerValue(headers: Readonly<Record<string, string>>, lowerName: string): string | undefined {
  for (const name of Object.keys(headers)) if (name.toLowerCase() === lowerName) return headers[name];
  return undefined;
}
