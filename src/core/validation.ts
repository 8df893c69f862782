/**
 * Input checks made before any request, so a typo never reaches the network and a key can never
 * change the path or query. Each check throws EcsError('invalidInput') with a message naming the fix.
 */
import { EcsError } from './errors';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * Huawei's documented key set. Upstream Nova also allows a space, but ECS rejects it, and a key that
 * ECS can never store is better refused here than sent. Keys outside the set are still encoded
 * correctly by the signer (tests cover that), should the set ever widen.
 */
const METADATA_KEY = /^[A-Za-z0-9\-_:.]{1,255}$/;
/** Project ids are 32 hex characters on Huawei Cloud and Keystone; other clouds may differ, so stay lenient. */
const PROJECT_ID = /^[A-Za-z0-9\-_]{1,64}$/;

export function validateServerId(serverId: unknown): asserts serverId is string {
  if (typeof serverId !== 'string' || !UUID.test(serverId)) {
    throw new EcsError(
      'invalidInput',
      `"${preview(serverId)}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.`,
    );
  }
}

export function validateMetadataKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new EcsError('invalidInput', 'The metadata key is empty. Enter a key of 1 to 255 characters.');
  }
  if (key.length > 255) {
    throw new EcsError(
      'invalidInput',
      `The metadata key is ${key.length} characters long; the limit is 255.`,
    );
  }
  if (key === '.' || key === '..') {
    // URL parsers resolve these as "this folder" and "parent folder" even when percent-encoded.
    throw new EcsError(
      'invalidInput',
      `The metadata key "${key}" cannot be used in a URL; choose another key.`,
    );
  }
  if (!METADATA_KEY.test(key)) {
    throw new EcsError(
      'invalidInput',
      `The metadata key "${preview(key)}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .`,
    );
  }
}

/** The most characters a metadata value may have (Nova and ECS count characters, not bytes). */
export const MAX_METADATA_VALUE_LENGTH = 255;

/** Characters as ECS counts them: code points, so an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

export function validateMetadataValue(value: unknown, key?: string): asserts value is string {
  const of = key !== undefined ? ` of "${preview(key)}"` : '';
  if (typeof value !== 'string') {
    throw new EcsError('invalidInput', `The value${of} must be text (it is ${describeType(value)}).`);
  }
  const length = characterCount(value);
  if (length > MAX_METADATA_VALUE_LENGTH) {
    throw new EcsError(
      'invalidInput',
      `The value${of} is ${length} characters long; the limit is ${MAX_METADATA_VALUE_LENGTH}.`,
    );
  }
}

/** A plain object of at least one key, every key and value valid. */
export function validateMetadataChanges(metadata: unknown): asserts metadata is Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new EcsError('invalidInput', 'The metadata to write must be an object of keys and text values.');
  }
  const entries = Object.entries(metadata);
  if (entries.length === 0) throw new EcsError('invalidInput', 'There are no metadata keys to write.');
  for (const [key, value] of entries) {
    validateMetadataKey(key);
    validateMetadataValue(value, key);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function validateProjectId(projectId: unknown): asserts projectId is string {
  if (typeof projectId !== 'string' || projectId.length === 0) {
    throw new EcsError('invalidInput', 'The project id is missing. Set the project id of the region to use.');
  }
  if (!PROJECT_ID.test(projectId)) {
    throw new EcsError(
      'invalidInput',
      `"${preview(projectId)}" is not a project id. A project id looks like 9c53a566cb3443ab910cf0daebca90c4.`,
    );
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

/** The hosts plain http:// may reach: this machine only. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses an endpoint URL. Plain http is only allowed to this machine: anything else would send
 * signatures and tokens in the clear. Returns the URL without a trailing slash on its path.
 */
export function validateEndpoint(endpoint: unknown, what = 'ECS endpoint'): URL {
  let url: URL;
  try {
    url = new URL(String(endpoint));
  } catch {
    throw new EcsError(
      'invalidInput',
      `The ${what} "${preview(endpoint)}" is not a URL. Use a form like https://ecs.cn-north-4.myhuaweicloud.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EcsError(
      'invalidInput',
      `The ${what} must start with https:// (it is "${preview(endpoint)}").`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new EcsError(
      'invalidInput',
      `The ${what} uses plain http:// for ${url.hostname}; use https://. Plain http is allowed only for this machine (127.0.0.1, ::1, localhost).`,
    );
  }
  if (url.username || url.password) {
    throw new EcsError('invalidInput', `The ${what} must not contain a user name or password.`);
  }
  if (url.search || url.hash) {
    throw new EcsError('invalidInput', `The ${what} must not contain a query or fragment.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Echo user input in a message without letting a pasted secret or a huge string through whole. */
function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** For input boxes: the message validateServerId would throw, or undefined when the id is fine. */
export function serverIdProblem(serverId: string): string | undefined {
  return problemOf(() => validateServerId(serverId));
}

/** For input boxes: the message validateMetadataKey would throw, or undefined when the key is fine. */
export function metadataKeyProblem(key: string): string | undefined {
  return problemOf(() => validateMetadataKey(key));
}

/** For input boxes: the message validateMetadataValue would throw, or undefined when the value is fine. */
export function metadataValueProblem(value: string): string | undefined {
  return problemOf(() => validateMetadataValue(value));
}

/** For input boxes: the message validateProjectId would throw, or undefined when the id is fine. */
export function projectIdProblem(projectId: string): string | undefined {
  return problemOf(() => validateProjectId(projectId));
}

/** For input boxes: the message validateEndpoint would throw, or undefined when the URL is fine. */
export function endpointProblem(endpoint: string, what?: string): string | undefined {
  return problemOf(() => validateEndpoint(endpoint, what));
}

function problemOf(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
