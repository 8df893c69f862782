/**
 * Plain-`http` helpers for the server's own tests: raw requests (so paths reach the server exactly
 * as written) and AK/SK headers made by the official Huawei Cloud signer, the client-side oracle.
 */
import * as http from 'node:http';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  connectionId?: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: http.Agent | false;
  signal?: AbortSignal;
}

/** `pathAndQuery` is sent byte for byte: encode it yourself. */
export function send(baseUrl: string, pathAndQuery: string, options: RequestOptions = {}): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent ?? false,
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function json(answer: Answer): Record<string, unknown> {
  return JSON.parse(answer.text) as Record<string, unknown>;
}

/** Current time as `X-Sdk-Date`, optionally shifted. */
export function sdkDate(shiftMs = 0): string {
  return new Date(Date.now() + shiftMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface SignOptions {
  method?: string;
  baseUrl: string;
  /** Unencoded path: the signer encodes each segment once, as a client must. */
  path: string;
  query?: Record<string, string>;
  accessKey: string;
  secretKey: string;
  projectId?: string;
  securityToken?: string;
  date?: string;
  /** A JSON body: the official signer hashes `JSON.stringify(data)`, which is what must be sent. */
  data?: object;
}

/** Headers (Authorization included) exactly as the official SDK signer makes them. */
export function officialSignedHeaders(options: SignOptions): Record<string, string> {
  const host = new URL(options.baseUrl).host;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Sdk-Date': options.date ?? sdkDate(),
    host,
  };
  if (options.projectId !== undefined) headers['X-Project-Id'] = options.projectId;
  if (options.securityToken !== undefined) headers['X-Security-Token'] = options.securityToken;
  const signed = AKSKSigner.sign(
    {
      method: options.method ?? 'GET',
      endpoint: `${options.baseUrl}${options.path}`,
      queryParams: options.query ?? {},
      headers,
      ...(options.data !== undefined ? { data: options.data } : {}),
    },
    { getAk: () => options.accessKey, getSk: () => options.secretKey } as Parameters<
      typeof AKSKSigner.sign
    >[1],
  ) as Record<string, string>;
  return signed;
}

/** The path as a client puts it on the wire: each segment percent-encoded once. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function encodeQuery(query: Record<string, string>): string {
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
