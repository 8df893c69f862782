/**
 * `POST /__control/…`: fault switches for a server started by the CLI in another process. Safe
 * only because the server listens on 127.0.0.1 and is a test tool; none of this exists in ECS.
 */
import { sendJson } from './respond';
import type { Reply } from './respond';
import type { FaultSwitches } from './types';

export interface ControlTarget {
  setFaults(partial: Partial<FaultSwitches>): void;
  resetFaults(): void;
  expireTokens(): void;
  heldConnections(): number;
  faults: FaultSwitches;
}

export function handleControl(
  method: string,
  path: string,
  body: string,
  reply: Reply,
  target: ControlTarget,
): void {
  if (method !== 'POST') return sendJson(reply, 405, { error: 'control routes take POST' });
  switch (path) {
    case '/__control/faults': {
      let partial: unknown;
      try {
        partial = JSON.parse(body);
      } catch {
        return sendJson(reply, 400, { error: 'body must be a JSON object of fault switches' });
      }
      if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
        return sendJson(reply, 400, { error: 'body must be a JSON object of fault switches' });
      }
      const unknown = Object.keys(partial).filter((k) => !(k in target.faults));
      if (unknown.length > 0)
        return sendJson(reply, 400, { error: `unknown fault switches: ${unknown.join(', ')}` });
      target.setFaults(partial as Partial<FaultSwitches>);
      return sendJson(reply, 200, { faults: target.faults });
    }
    case '/__control/reset':
      target.resetFaults();
      return sendJson(reply, 200, { faults: target.faults });
    case '/__control/held-connections':
      return sendJson(reply, 200, { held: target.heldConnections() });
    case '/__control/expire-tokens':
      target.expireTokens();
      return sendJson(reply, 200, { expired: true });
    default:
      return sendJson(reply, 404, { error: `no control route ${path}` });
  }
}
