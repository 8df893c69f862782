/**
 * How an answer goes on the wire: in one piece with `Content-Length` (the default), or as a real
 * gateway may send it — chunked in several writes, gzip-compressed when the client offers it, and
 * with the connection closed right after the answer although the client was told nothing.
 */
import type * as http from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface WireShape {
  chunked: boolean;
  gzip: boolean;
  dropConnection: boolean;
}

/** Pieces a chunked body is written in; each after a turn of the event loop, as a proxy streams them. */
const CHUNKED_PIECES = 3;
/**
 * How late the close of a dropped connection reaches the client. A request the client sends in that
 * window crosses the close on the wire: the server never answers it, as happens with a real server
 * whose keep-alive timeout fires just as the client reuses the connection.
 */
const CLOSE_LAG_MS = 50;

const dropped = new WeakSet<Socket>();

/** True when the connection was dropped after an earlier answer: a request on it must go unanswered. */
export function isDropped(socket: Socket): boolean {
  return dropped.has(socket);
}

export function acceptsGzip(req: http.IncomingMessage): boolean {
  const offered = req.headers['accept-encoding'];
  return typeof offered === 'string' && /(^|[\s,])gzip([\s;,]|$)/i.test(offered);
}

/** Writes status, headers and body in `shape`. `headers` must not carry Content-Length. */
export function writeShaped(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
  shape: WireShape,
): void {
  let body = Buffer.from(text, 'utf8');
  const out: Record<string, string> = { ...headers };
  if (shape.gzip) {
    body = gzipSync(body);
    out['Content-Encoding'] = 'gzip';
    out.Vary = 'Accept-Encoding';
  }
  if (shape.dropConnection) {
    const socket = res.socket;
    res.once('finish', () => {
      if (!socket) return;
      dropped.add(socket);
      setTimeout(() => socket.destroy(), CLOSE_LAG_MS).unref();
    });
  }
  if (!shape.chunked) {
    out['Content-Length'] = String(body.length);
    res.writeHead(status, out);
    res.end(body);
    return;
  }
  // No Content-Length: Node sends Transfer-Encoding: chunked.
  res.writeHead(status, out);
  const size = Math.ceil(body.length / CHUNKED_PIECES);
  let offset = 0;
  const next = (): void => {
    if (res.destroyed) return;
    const piece = body.subarray(offset, offset + size);
    offset += size;
    if (offset >= body.length) {
      res.end(piece);
      return;
    }
    res.write(piece);
    setImmediate(next);
  };
  next();
}
