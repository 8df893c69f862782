/**
 * One keep-alive agent per origin, shared by every client of this process, so repeated calls reuse
 * connections instead of paying a TCP (and TLS) handshake each time. The number of sockets to one
 * endpoint is bounded by the origin's gate (originGate.ts), not by the agent: the agent never queues a
 * request, because node-fetch misreads answers on sockets handed to queued requests (#1767).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { trustedCaCertificates } from './extraCaCertificates';

/** Enough parallelism for a tree expanding many servers; low enough not to trip gateway limits. */
export const MAX_SOCKETS_PER_ORIGIN = 16;

/**
 * Which idle socket a request gets. `fifo` hands out the one idle longest, whose close by the server
 * (if any) has had the most time to arrive; `lifo` the one just used, which a server that closes after
 * each answer has most likely just closed. Measured in bench/README.md ("Transport choices").
 */
export type Scheduling = 'fifo' | 'lifo';
let scheduling: Scheduling = 'fifo';

/**
 * Idle sockets are closed after this long. Reusing one saves a TCP and TLS handshake; one the server
 * closed meanwhile costs a single immediate resend (httpTransport.ts), and Node honours a server's
 * `Keep-Alive: timeout=` hint when that is shorter.
 */
export const IDLE_SOCKET_TIMEOUT_MS = 30_000;

/** What one exchange learns about its connection; filled in by the agent. */
export interface ConnectionProbe {
  socket?: Socket;
  /** True when the request went out on a socket an earlier answer had used. */
  reused?: boolean;
  /** `socket.bytesRead` when the request got the socket: more later means some answer arrived. */
  bytesReadBefore?: number;
}

interface ProbingAgent extends http.Agent {
  nextProbe?: ConnectionProbe;
}

const pooled = new Map<string, ProbingAgent>();
const fresh = new Map<string, http.Agent>();

type AddRequest = (req: http.ClientRequest, options: unknown) => void;

/**
 * Binds the request the agent is given next to the probe set just before node-fetch hands it over
 * (node-fetch calls the agent function, then http.request, which calls addRequest synchronously).
 * addRequest is how every request reaches an agent; agent-base and proxy agents hook it too.
 */
function withProbes(agent: http.Agent): ProbingAgent {
  const target = agent as ProbingAgent & { addRequest: AddRequest };
  const addRequest = target.addRequest;
  target.addRequest = function (req, options) {
    const probe = target.nextProbe;
    target.nextProbe = undefined;
    if (probe) {
      req.once('socket', (socket: Socket) => {
        probe.socket = socket;
        probe.reused = req.reusedSocket;
        probe.bytesReadBefore = socket.bytesRead;
      });
    }
    addRequest.call(this, req, options);
  };
  return target;
}

function pooledAgent(url: URL): ProbingAgent {
  let agent = pooled.get(url.origin);
  if (!agent) {
    const options: http.AgentOptions = {
      keepAlive: true,
      // The gate bounds the sockets; an agent limit could only make requests queue inside the agent.
      maxSockets: Infinity,
      scheduling,
      timeout: IDLE_SOCKET_TIMEOUT_MS,
    };
    // TLS verification stays on: https.Agent defaults to rejectUnauthorized true and we never override it.
    agent = withProbes(url.protocol === 'https:' ? httpsAgent(options) : new http.Agent(options));
    pooled.set(url.origin, agent);
  }
  return agent;
}

/** An https agent that also trusts the CAs of NODE_EXTRA_CA_CERTS (extraCaCertificates.ts). */
function httpsAgent(options: http.AgentOptions): https.Agent {
  const ca = trustedCaCertificates();
  return new https.Agent(ca ? { ...options, ca } : options);
}

/** The pooled agent of `url`'s origin; exported for tests and benchmarks. */
export function agentFor(url: URL): http.Agent {
  return pooledAgent(url);
}

/** What node-fetch gets as `agent`: the pooled agent, told which probe the coming request fills in. */
export function pooledAgentWithProbe(url: URL, probe: ConnectionProbe): () => http.Agent {
  return () => {
    const agent = pooledAgent(url);
    agent.nextProbe = probe;
    return agent;
  };
}

/** An agent that always opens a new connection (and closes it after the answer). */
export function freshConnectionAgent(url: URL): http.Agent {
  let agent = fresh.get(url.origin);
  if (!agent) {
    const options: http.AgentOptions = { keepAlive: false };
    agent = url.protocol === 'https:' ? httpsAgent(options) : new http.Agent(options);
    fresh.set(url.origin, agent);
  }
  return agent;
}

/** Closes the idle sockets of `url`'s origin: when one turned out closed by the server, its peers likely are. */
export function dropIdleSockets(url: URL): void {
  const agent = pooled.get(url.origin);
  if (!agent) return;
  for (const sockets of Object.values(agent.freeSockets)) {
    for (const socket of sockets ?? []) socket.destroy();
  }
}

/** Closes every pooled connection (e.g. when the extension deactivates). Agents are recreated on demand. */
export function destroyAgents(): void {
  for (const agent of [...pooled.values(), ...fresh.values()]) agent.destroy();
  pooled.clear();
  fresh.clear();
}

/** Benchmarks only: the scheduling of agents created from now on. */
export function setSchedulingForBenchmarks(choice: Scheduling): void {
  destroyAgents();
  scheduling = choice;
}
