/**
 * A small forward proxy on a loopback address, as a company network puts in front of the cloud:
 * plain-HTTP requests in absolute form are forwarded, HTTPS goes through a `CONNECT` tunnel. It only
 * forwards to 127.x addresses (tests never reach beyond this machine) and records what passed.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** `GET`, `POST`… for a forwarded request; `CONNECT` for a tunnel. */
  method: string;
  /** The absolute URL forwarded, or `host:port` of a tunnel. */
  target: string;
}

export interface ForwardProxy {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  requests: ProxiedRequest[];
  /** TCP connections clients opened to the proxy. */
  connectionsOpened(): number;
  close(): Promise<void>;
}

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Hop-by-hop and proxy headers: not passed on. */
const NOT_FORWARDED =
  /^(connection|keep-alive|proxy-connection|proxy-authorization|transfer-encoding|content-length)$/i;

/**
 * Sends the request on over a raw socket, `Connection: close`, and copies the answer back byte for
 * byte, then closes the client's connection. Raw sockets, because inside VS Code `http.request` is
 * VS Code's and would send the proxy's own request back to the proxy.
 */
async function forward(req: http.IncomingMessage, client: net.Socket | null, target: URL): Promise<void> {
  if (!client) return;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  // The path exactly as the client wrote it (a signature covers it), not as URL would normalize it.
  const path = (req.url ?? '/').replace(/^http:\/\/[^/]*/i, '') || '/';
  const lines = [`${req.method ?? 'GET'} ${path} HTTP/1.1`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!NOT_FORWARDED.test(req.rawHeaders[i])) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  }
  if (body.length > 0 || !['GET', 'HEAD', 'DELETE'].includes(req.method ?? 'GET')) {
    lines.push(`Content-Length: ${body.length}`);
  }
  lines.push('Connection: close');
  const upstream = net.connect(Number(target.port || 80), target.hostname, () => {
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    upstream.write(body);
  });
  upstream.on('data', (data: Buffer) => client.write(data));
  upstream.on('end', () => client.end());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
}

export async function startForwardProxy(host = '127.0.0.1'): Promise<ForwardProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;

  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    requests.push({ method: req.method ?? 'GET', target: target.href });
    if (target.protocol !== 'http:' || !LOOPBACK.test(target.hostname)) {
      res.writeHead(403).end('this proxy forwards to 127.x only');
      return;
    }
    void forward(req, res.socket, target);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    requests.push({ method: 'CONNECT', target });
    const [hostname, port] = [
      target.slice(0, target.lastIndexOf(':')),
      Number(target.slice(target.lastIndexOf(':') + 1)),
    ];
    if (!LOOPBACK.test(hostname) || !port) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(port, hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const closeBoth = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', closeBoth);
    client.on('error', closeBoth);
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    requests,
    connectionsOpened: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
