/** Writing answers: every one carries `X-Request-Id`, and the status is noted for the request log. */
import type * as http from 'node:http';
import { writeShaped, type WireShape } from './wireShape';

export interface Reply {
  res: http.ServerResponse;
  requestId: string;
  /** Called with the status actually written, for the request log. */
  onStatus(status: number): void;
  /** Set by a fault: replaces a JSON answer's body on the way out. */
  transformBody?: (body: string, status: number) => { status: number; body: string };
  /** How the answer goes on the wire; default one piece with Content-Length. */
  wire?: WireShape;
  /** Set by a fault: no `X-Request-Id` header, so clients take the id from the body. */
  withoutRequestIdHeader?: boolean;
}

export function sendJson(
  reply: Reply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  let text = JSON.stringify(body);
  if (reply.transformBody) ({ status, body: text } = reply.transformBody(text, status));
  write(reply, status, 'application/json', text, headers);
}

export function sendText(
  reply: Reply,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  write(reply, status, contentType, text, headers);
}

function write(
  reply: Reply,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string>,
): void {
  const { res } = reply;
  if (res.headersSent || res.destroyed) return;
  const all = {
    'Content-Type': contentType,
    ...(reply.withoutRequestIdHeader ? {} : { 'X-Request-Id': reply.requestId }),
    ...headers,
  };
  if (reply.wire) {
    writeShaped(res, status, all, text, reply.wire);
  } else {
    const body = Buffer.from(text, 'utf8');
    res.writeHead(status, { ...all, 'Content-Length': String(body.length) });
    res.end(body);
  }
  reply.onStatus(status);
}
