/**
 * Answers the server starts and never finishes — a body that stalls after the headers, one that
 * trickles a byte at a time, one that never ends — and never-answered requests. Every connection held
 * this way is counted until it closes, so a test can see whether the client let go of it.
 */
import type * as http from 'node:http';
import type { Socket } from 'node:net';

export type HeldKind = 'hang' | 'stallBody' | 'trickleBody' | 'endlessBody';

const TRICKLE_INTERVAL_MS = 50;
const ENDLESS_PIECE = Buffer.alloc(64 * 1024, 0x20);

export class HeldAnswers {
  private readonly open = new Set<Socket>();

  /** Connections still open on which an answer is held. */
  get count(): number {
    return this.open.size;
  }

  hold(kind: HeldKind, res: http.ServerResponse, requestId: string): void {
    const socket = res.socket;
    if (!socket || socket.destroyed) return;
    this.open.add(socket);
    const timers: NodeJS.Timeout[] = [];
    socket.once('close', () => {
      this.open.delete(socket);
      for (const timer of timers) clearInterval(timer);
    });
    if (kind === 'hang') return;
    const headers = { 'Content-Type': 'application/json', 'X-Request-Id': requestId };
    switch (kind) {
      case 'stallBody':
        // Promises 4 KiB, sends the first bytes, then nothing.
        res.writeHead(200, { ...headers, 'Content-Length': '4096' });
        res.write('{"meta":{"owner":"');
        return;
      case 'trickleBody':
        res.writeHead(200, headers);
        res.write('{');
        timers.push(setInterval(() => res.write(' '), TRICKLE_INTERVAL_MS));
        return;
      case 'endlessBody': {
        res.writeHead(200, headers);
        res.write('{"padding":"');
        const pump = (): void => {
          while (!res.destroyed && res.write(ENDLESS_PIECE));
        };
        res.on('drain', pump);
        pump();
        return;
      }
    }
  }

  /** Ends every held connection (server close). */
  releaseAll(): void {
    for (const socket of this.open) socket.destroy();
  }
}
