/**
 * Checks `SDK-HMAC-SHA256` signatures by recomputing them with the official Huawei Cloud signer,
 * so the server judges clients independently of the project's own signing code.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

type SigningRequest = Parameters<typeof AKSKSigner.sign>[0];

/** The gateway rejects more than 15 minutes of clock skew. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** Signed header values that must not be echoed back in an error message. */
const SECRET_HEADERS = new Set(['x-security-token', 'x-auth-token']);

/**
 * The official signer, with two changes that make it a gateway rather than a client. It decodes
 * each received path segment once before encoding it: the client sends `app%3Aowner` for the key
 * `app:owner`; the SDK signer, fed that raw path, would encode the `%` again and judge a correct
 * client wrong. And it hashes the body bytes as received: the SDK hashes `JSON.stringify(data)` of
 * the object it is about to send, which a gateway does not have — it has the bytes, and a body that
 * was re-serialized after signing (other spacing, escapes or key order) must fail as it does there.
 * Everything else (headers, query, canonical form, HMAC) is the SDK's own code.
 */
class GatewaySigner extends AKSKSigner {
  protected static override buildPayloadHash(request: SigningRequest): string {
    return this.Hex((request as SigningRequest & { rawBody?: string }).rawBody ?? '');
  }

  /** The canonical request of the last `sign` call; `sign` is synchronous, so this is never stale. */
  static lastCanonicalRequest = '';

  protected static override CanonicalURI(inputUri?: string): string | undefined {
    if (!inputUri) return inputUri;
    let path = inputUri
      .split('/')
      .map((segment) => this.urlEncode(decodeURIComponent(segment)) as string)
      .join('/');
    if (!path.endsWith('/')) path += '/';
    return path;
  }

  protected static override buildCanonicalRequest(
    method: string | undefined,
    canonicalURI: string | undefined,
    canonicalQueryString: string,
    canonicalHeaders: string,
    signedHeaderNames: string,
    payloadHash: string | undefined,
  ): string {
    const request = super.buildCanonicalRequest(
      method,
      canonicalURI,
      canonicalQueryString,
      canonicalHeaders,
      signedHeaderNames,
      payloadHash,
    );
    GatewaySigner.lastCanonicalRequest = request;
    return request;
  }
}

export interface SignedRequest {
  method: string;
  /** Path exactly as received, still percent-encoded. */
  rawPath: string;
  /** Query exactly as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Body exactly as received; empty when none. */
  body: string;
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export type VerifyResult = { ok: true } | { ok: false; message: string };

const AUTHORIZATION =
  /^SDK-HMAC-SHA256 Access=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const match = AUTHORIZATION.exec(header);
  if (!match) return undefined;
  return { accessKey: match[1], signedHeaders: match[2].split(';'), signature: match[3] };
}

/** `20191115T033655Z` → epoch ms, or undefined when not in that exact form. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Query parameters decoded once, repeated keys kept as arrays, as the signer expects them. */
function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else params[key] = [existing, value];
  }
  return params;
}

function redactCanonical(canonical: string): string {
  return canonical
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon > 0 && SECRET_HEADERS.has(line.slice(0, colon)) ? `${line.slice(0, colon)}:***` : line;
    })
    .join('|');
}

/**
 * Verifies one request's signature with the given SK. The message of a failure follows the
 * gateway's (`canonicalRequest:` with `|` for line breaks), minus secret header values.
 */
export function verifySignature(
  request: SignedRequest,
  auth: ParsedAuthorization,
  secretKey: string,
  now: number = Date.now(),
): VerifyResult {
  const fail = (why: string): VerifyResult => ({
    ok: false,
    message: `Incorrect IAM authentication information: ${why}`,
  });
  if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-sdk-date')) {
    return fail('host and x-sdk-date must be signed');
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (typeof value !== 'string') return fail(`signed header ${name} is missing`);
    // The SDK reads the date under exactly this name; other names it lower-cases itself.
    headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = value;
  }
  const date = parseSdkDate(headers['X-Sdk-Date']);
  if (date === undefined) return fail('X-Sdk-Date must look like 20191115T033655Z');
  if (Math.abs(now - date) > MAX_SKEW_MS)
    return fail('X-Sdk-Date is more than 15 minutes away from the server clock');

  let queryParams: Record<string, string | string[]>;
  let signed: Record<string, string>;
  try {
    queryParams = parseQuery(request.rawQuery);
    const received = {
      method: request.method,
      endpoint: `http://${headers.host}${request.rawPath}`,
      queryParams,
      headers,
      rawBody: request.body,
    };
    signed = GatewaySigner.sign(received, {
      getAk: () => auth.accessKey,
      getSk: () => secretKey,
    } as Parameters<typeof AKSKSigner.sign>[1]) as Record<string, string>;
  } catch {
    return fail('the request path or query is not valid percent-encoding');
  }
  const expected = parseAuthorization(signed.Authorization);
  const matches =
    expected !== undefined &&
    expected.signedHeaders.join(';') === auth.signedHeaders.join(';') &&
    timingSafeEqual(Buffer.from(expected.signature), Buffer.from(auth.signature));
  if (matches) return { ok: true };
  return fail(
    `verify aksk signature fail, error: verify signature fail, canonicalRequest:${redactCanonical(GatewaySigner.lastCanonicalRequest)}`,
  );
}
