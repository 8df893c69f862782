/**
 * Writing metadata, as Nova and the native ECS API do it: one key (`PUT …/metadata/{key}`), a merge
 * (`POST …/metadata`), a delete, and Nova's replace-all (`PUT …/metadata`, which removes every key not
 * in the body — it exists here, as on real Nova, so tests can prove a client never sends it). A server
 * in a task state answers 409 naming the state; a write beyond the server's quota answers 403. As
 * Huawei's ECS does, it refuses any write that would add, change or delete `virtual_env_type` (a key
 * users may not touch, ecs-api.md §10) — with a 400, since the cloud's exact answer is not documented.
 */
import { huaweiError, novaFault } from './errorBodies';
import { sendJson } from './respond';
import type { RouteContext } from './routeContext';

export type MetadataWrite =
  { kind: 'set'; key: string } | { kind: 'merge' } | { kind: 'replace' } | { kind: 'delete'; key: string };

type Family = 'nova' | 'native';

const KEY = /^[A-Za-z0-9\-_:.]{1,255}$/;
const MAX_VALUE = 255;
/** The system key no user may add, change or delete. */
const UNTOUCHABLE = 'virtual_env_type';

/** The one handler of every write route of both families. */
export function writeMetadata(context: RouteContext, family: Family, id: string, write: MetadataWrite): void {
  const { state, reply } = context;
  const fail = (status: number, novaName: string, huaweiCode: string, message: string): void =>
    sendJson(
      reply,
      status,
      family === 'nova' ? novaFault(novaName, status, message) : huaweiError(huaweiCode, message),
    );
  const server = state.store.get(id);
  if (!server) {
    return family === 'nova'
      ? fail(404, 'itemNotFound', '', `Instance ${id} could not be found.`)
      : fail(404, '', 'Ecs.0114', `Instance[${id}] could not be found.`);
  }
  const taskState = state.store.taskState(id);
  if (taskState !== undefined) {
    const action = write.kind === 'delete' ? 'delete metadata' : 'update metadata';
    return fail(
      409,
      'conflictingRequest',
      'Ecs.0023',
      `Cannot '${action}' instance ${id} while it is in task_state ${taskState}`,
    );
  }
  const injected = state.faults.failWrites;
  if (injected.count > 0 && (injected.method === undefined || injected.method === context.req.method)) {
    injected.count--;
    return fail(500, 'computeFault', 'Ecs.0000', 'Unexpected API Error (injected write failure).');
  }

  const lost = state.faults.loseWriteAnswers;
  const loseAnswer = (): boolean => {
    if (!(lost.count > 0)) return false;
    lost.count--;
    context.req.socket.destroy();
    return true;
  };

  const untouchable = (): void =>
    fail(
      400,
      'badRequest',
      'Ecs.0005',
      `The metadata key ${UNTOUCHABLE} is set by the system and cannot be added, modified or deleted.`,
    );
  if (write.kind === 'delete') {
    if (write.key === UNTOUCHABLE) return untouchable();
    if (!Object.prototype.hasOwnProperty.call(server.metadata, write.key)) {
      return fail(404, 'itemNotFound', 'Ecs.0629', 'Metadata item was not found');
    }
    state.store.deleteMetadata(id, write.key);
    if (loseAnswer()) return;
    reply.onStatus(204);
    reply.res.writeHead(204, { 'X-Request-Id': reply.requestId });
    reply.res.end();
    return;
  }

  const wrapper = write.kind === 'set' ? 'meta' : 'metadata';
  const items = parseItems(context.body, wrapper);
  if (typeof items === 'string') return fail(400, 'badRequest', 'Ecs.0005', items);
  if (write.kind === 'set') {
    const keys = Object.keys(items);
    if (keys.length > 1) return fail(400, 'badRequest', 'Ecs.0005', 'Request body contains too many items');
    if (keys[0] !== write.key) return fail(400, 'badRequest', 'Ecs.0005', 'Request body and URI mismatch');
  }

  const had = Object.prototype.hasOwnProperty.call(server.metadata, UNTOUCHABLE);
  const given = Object.prototype.hasOwnProperty.call(items, UNTOUCHABLE);
  const touched =
    write.kind === 'replace'
      ? had !== given || (given && items[UNTOUCHABLE] !== server.metadata[UNTOUCHABLE])
      : given && (!had || items[UNTOUCHABLE] !== server.metadata[UNTOUCHABLE]);
  if (touched) return untouchable();

  const after = write.kind === 'replace' ? { ...items } : Object.assign({ ...server.metadata }, items);
  const quota = state.store.metadataQuota(id);
  const count = Object.keys(after).length;
  if (count > quota) {
    const used = Object.keys(server.metadata).length;
    return fail(
      403,
      'forbidden',
      'Ecs.0319',
      `Quota exceeded for metadata_items: Requested ${count - used}, but already used ${used} of ${quota} metadata_items`,
    );
  }
  if (write.kind === 'replace') {
    for (const key of Object.keys(server.metadata)) state.store.deleteMetadata(id, key);
  }
  for (const [key, value] of Object.entries(items)) state.store.setMetadata(id, key, value);
  if (loseAnswer()) return;

  if (write.kind === 'set') return sendJson(reply, 200, { meta: items });
  // Nova answers every key after the write; the native API echoes the keys it was given.
  sendJson(reply, 200, { metadata: family === 'nova' ? { ...server.metadata } : items });
}

/** `{"<wrapper>": {key: "value", …}}` checked as Nova's schema does, or the 400 message. */
function parseItems(body: string, wrapper: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'Malformed request body';
  }
  const inner = isObject(parsed) ? parsed[wrapper] : undefined;
  if (!isObject(inner)) return `Invalid input for field/attribute ${wrapper}. Value: ${clip(body)}`;
  const items: Record<string, string> = {};
  for (const [key, value] of Object.entries(inner)) {
    if (!KEY.test(key)) {
      return `Invalid input for field/attribute ${wrapper}. Value: ${clip(key)}. '${clip(key)}' does not match any of the regexes: '^[a-zA-Z0-9-_:.]{1,255}$'`;
    }
    if (typeof value !== 'string') {
      return `Invalid input for field/attribute ${key}. Value: ${clip(JSON.stringify(value))}. Not a string`;
    }
    // Characters as Nova counts them (code points), not UTF-16 units.
    if ([...value].length > MAX_VALUE) {
      return `Invalid input for field/attribute ${key}. Value: ${clip(value)}. '${clip(value)}' is too long`;
    }
    putOwn(items, key, value);
  }
  return items;
}

/** `__proto__` is an ordinary metadata key: define it, never assign it (which would set the prototype). */
function putOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
