/**
 * One keep-alive agent per origin, shared by every client of this process, so repeated calls reuse
 * connections instead of paying a TCP (and TLS) handshake each time, and the number of sockets to one
 * endpoint stays bounded however many clients or concurrent calls there are.
 */
import * as http from 'node:http';
import * as https from 'node:https';

/** Enough parallelism for a tree expanding many servers; low enough not to trip gateway limits. */
export const MAX_SOCKETS_PER_ORIGIN = 16;

const agents = new Map<string, http.Agent>();

export function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.origin);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, scheduling: 'lifo' as const };
    // TLS verification stays on: https.Agent defaults to rejectUnauthorized true and we never override it.
    agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(url.origin, agent);
  }
  return agent;
}

/** Closes every pooled connection (e.g. when the extension deactivates). Agents are recreated on demand. */
export function destroyAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
