/**
 * The floor to compare the core against: Node's own `http` with one keep-alive agent, the same signed
 * GET, the body parsed as JSON and the value picked out — no retries, timeouts, validation or error
 * mapping. Whatever the core spends beyond this is its overhead.
 */
import * as http from 'node:http';

/** Headers for one request, signature included; called per request, as a real client signs each one. */
export type HeaderSource = (method: string, url: URL) => Record<string, string>;

export interface BareClient {
  /** GETs `path` (already percent-encoded) and returns the parsed JSON body. */
  getJson(path: string): Promise<unknown>;
  getMetadataItem(projectId: string, serverId: string, key: string): Promise<string>;
  close(): void;
}

/** `/v2.1/{project}/servers/{server}/metadata/{key}`, each segment percent-encoded once. */
export function metadataItemPath(projectId: string, serverId: string, key: string): string {
  return ['', 'v2.1', projectId, 'servers', serverId, 'metadata', key].map(encodeURIComponent).join('/');
}

export function createBareClient(endpoint: string, headersFor: HeaderSource, maxSockets = 16): BareClient {
  const base = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  function getJson(path: string): Promise<unknown> {
    const url = new URL(path, base);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path, method: 'GET', headers: headersFor('GET', url) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode !== 200) {
              reject(new Error(`bare loop: ${path} answered ${res.statusCode}`));
              return;
            }
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (err) {
              reject(err as Error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  return {
    getJson,
    async getMetadataItem(projectId: string, serverId: string, key: string): Promise<string> {
      const body = (await getJson(metadataItemPath(projectId, serverId, key))) as {
        meta?: Record<string, string>;
      };
      const value = body.meta?.[key];
      if (value === undefined) throw new Error(`bare loop: no meta.${key} in answer`);
      return value;
    },
    close: () => agent.destroy(),
  };
}
