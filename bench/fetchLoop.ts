/**
 * A diagnostic between the bare loop and the core: the same signed GET through node-fetch (the core's
 * HTTP client) with a keep-alive agent, and nothing else. Core minus this is the core's own logic;
 * this minus the bare loop is what node-fetch itself costs.
 */
import * as http from 'node:http';
import fetch from 'node-fetch';
import { metadataItemPath, type HeaderSource } from './bareLoop';

export interface FetchClient {
  getMetadataItem(projectId: string, serverId: string, key: string): Promise<string>;
  close(): void;
}

export function createFetchClient(endpoint: string, headersFor: HeaderSource): FetchClient {
  const base = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    async getMetadataItem(projectId: string, serverId: string, key: string): Promise<string> {
      const url = new URL(metadataItemPath(projectId, serverId, key), base);
      const response = await fetch(url.href, { headers: headersFor('GET', url), agent });
      const body = (await response.json()) as { meta?: Record<string, string> };
      const value = body.meta?.[key];
      if (response.status !== 200 || value === undefined) throw new Error(`fetch loop: ${response.status}`);
      return value;
    },
    close: () => agent.destroy(),
  };
}
