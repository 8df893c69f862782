/**
 * Input checks made before any request, so a typo never reaches the network and a key can never
 * change the path or query. Each check throws EcsError('invalidInput') with a message naming the fix.
 */
import { EcsError } from './errors';
import type { InputProblem, ValidatorProblemCode } from './inputProblem';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * Huawei's documented key set. Upstream Nova also allows a space, but ECS rejects it, and a key that
 * ECS can never store is better refused here than sent. Keys outside the set are still encoded
 * correctly by the signer (tests cover that), should the set ever widen.
 */
const METADATA_KEY = /^[A-Za-z0-9\-_:.]{1,255}$/;
/** Project ids are 32 hex characters on Huawei Cloud and Keystone; other clouds may differ, so stay lenient. */
const PROJECT_ID = /^[A-Za-z0-9\-_]{1,64}$/;

export function serverIdProblem(serverId: unknown): InputProblem<ValidatorProblemCode> | undefined {
  if (typeof serverId === 'string' && UUID.test(serverId)) return undefined;
  return { code: 'serverIdInvalid', detail: preview(serverId) };
}

export function metadataKeyProblem(key: unknown): InputProblem<ValidatorProblemCode> | undefined {
  if (typeof key !== 'string' || key.length === 0) return { code: 'metadataKeyEmpty', detail: '' };
  if (key.length > 255) return { code: 'metadataKeyTooLong', detail: String(key.length) };
  // URL parsers resolve these as "this folder" and "parent folder" even when percent-encoded.
  if (key === '.' || key === '..') return { code: 'metadataKeyDotSegment', detail: key };
  if (!METADATA_KEY.test(key)) return { code: 'metadataKeyCharacters', detail: preview(key) };
  return undefined;
}

/**
 * Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: a profile name
 * holding one could pass for another in a message, a log line or a key built from names.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function profileNameProblem(name: unknown): InputProblem<ValidatorProblemCode> | undefined {
  if (typeof name !== 'string' || name.length === 0) return { code: 'profileNameEmpty', detail: '' };
  if (CONTROL_CHARACTER.test(name)) return { code: 'profileNameControl', detail: preview(escaped(name)) };
  return undefined;
}

/** Quoted, each control character escaped (a line break as \n), so a message shows where it is. */
function escaped(name: string): string {
  return JSON.stringify(name).replace(
    new RegExp(CONTROL_CHARACTER.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function projectIdProblem(projectId: unknown): InputProblem<ValidatorProblemCode> | undefined {
  if (typeof projectId !== 'string' || projectId.length === 0)
    return { code: 'projectIdMissing', detail: '' };
  if (!PROJECT_ID.test(projectId)) return { code: 'projectIdInvalid', detail: preview(projectId) };
  return undefined;
}

export function validateServerId(serverId: unknown): asserts serverId is string {
  refuse(serverIdProblem(serverId));
}

export function validateMetadataKey(key: unknown): asserts key is string {
  refuse(metadataKeyProblem(key));
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
    throw new EcsError('invalidInput', `The value${of} must be text (it is ${describeType(value)}).`, {
      problem: { code: 'metadataValueNotText', detail: key ?? '' },
    });
  }
  const length = characterCount(value);
  if (length > MAX_METADATA_VALUE_LENGTH) {
    throw new EcsError(
      'invalidInput',
      `The value${of} is ${length} characters long; the limit is ${MAX_METADATA_VALUE_LENGTH}.`,
      { problem: { code: 'metadataValueTooLong', detail: String(length) } },
    );
  }
}

/** A plain object of at least one key, every key and value valid. */
export function validateMetadataChanges(metadata: unknown): asserts metadata is Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new EcsError('invalidInput', 'The metadata to write must be an object of keys and text values.', {
      problem: { code: 'metadataNotObject', detail: '' },
    });
  }
  const entries = Object.entries(metadata);
  if (entries.length === 0) {
    throw new EcsError('invalidInput', 'There are no metadata keys to write.', {
      problem: { code: 'metadataEmpty', detail: '' },
    });
  }
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
  refuse(projectIdProblem(projectId));
}

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

/** The hosts plain http:// may reach: this machine only. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The problem of an endpoint URL: https, or plain http to this machine only, nothing else in it. */
export function endpointProblem(endpoint: unknown): InputProblem<ValidatorProblemCode> | undefined {
  return parseEndpoint(endpoint).problem;
}

/**
 * Parses an endpoint URL. Plain http is only allowed to this machine: anything else would send
 * signatures and tokens in the clear. Returns the URL without a trailing slash on its path.
 */
export function validateEndpoint(endpoint: unknown, what = 'ECS endpoint'): URL {
  const { url, problem } = parseEndpoint(endpoint);
  refuse(problem, what);
  return url as URL;
}

function parseEndpoint(endpoint: unknown): { url?: URL; problem?: InputProblem<ValidatorProblemCode> } {
  let url: URL;
  try {
    url = new URL(String(endpoint));
  } catch {
    return { problem: { code: 'endpointNotUrl', detail: preview(endpoint) } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: { code: 'endpointScheme', detail: preview(endpoint) } };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { problem: { code: 'endpointPlainHttp', detail: url.hostname } };
  }
  if (url.username || url.password) return { problem: { code: 'endpointCredentials', detail: '' } };
  if (url.search || url.hash) return { problem: { code: 'endpointQuery', detail: '' } };
  url.pathname = url.pathname.replace(/\/+$/, '');
  return { url };
}

/** The core's own English sentence for a problem (logs, other consumers of the core). */
export function inputProblemMessage(
  problem: InputProblem<ValidatorProblemCode>,
  what = 'ECS endpoint',
): string {
  const { detail } = problem;
  switch (problem.code) {
    case 'argumentsExpected':
      return `Expected arguments ${detail}.`;
    case 'argumentNotText':
      return `The argument "${detail}" must be a string.`;
    case 'metadataValueNotText':
      return detail ? `The value of "${detail}" must be text.` : 'The value must be text.';
    case 'metadataValueTooLong':
      return `The value is ${detail} characters long; the limit is ${MAX_METADATA_VALUE_LENGTH}.`;
    case 'serverIdInvalid':
      return `"${detail}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.`;
    case 'metadataKeyEmpty':
      return 'The metadata key is empty. Enter a key of 1 to 255 characters.';
    case 'metadataKeyTooLong':
      return `The metadata key is ${detail} characters long; the limit is 255.`;
    case 'metadataKeyDotSegment':
      return `The metadata key "${detail}" cannot be used in a URL; choose another key.`;
    case 'metadataKeyCharacters':
      return `The metadata key "${detail}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .`;
    case 'projectIdMissing':
      return 'The project id is missing. Set the project id of the region to use.';
    case 'projectIdInvalid':
      return `"${detail}" is not a project id. A project id looks like 9c53a566cb3443ab910cf0daebca90c4.`;
    case 'endpointNotUrl':
      return `The ${what} "${detail}" is not a URL. Use a form like https://ecs.cn-north-4.myhuaweicloud.com`;
    case 'endpointScheme':
      return `The ${what} must start with https:// (it is "${detail}").`;
    case 'endpointPlainHttp':
      return `The ${what} uses plain http:// for ${detail}; use https://. Plain http is allowed only for this machine (127.0.0.1, ::1, localhost).`;
    case 'endpointCredentials':
      return `The ${what} must not contain a user name or password.`;
    case 'endpointQuery':
      return `The ${what} must not contain a query or fragment.`;
    case 'profileNameEmpty':
      return 'The profile name is empty.';
    case 'profileNameControl':
      return `The profile name ${detail} contains a control character (such as a line break or a tab).`;
  }
}

/** Throws EcsError('invalidInput') carrying the problem's code, when there is a problem. */
function refuse(problem: InputProblem<ValidatorProblemCode> | undefined, what?: string): void {
  if (problem) throw new EcsError('invalidInput', inputProblemMessage(problem, what), { problem });
}

/** Echo user input in a message without letting a pasted secret or a huge string through whole. */
function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
