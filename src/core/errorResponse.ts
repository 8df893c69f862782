/**
 * Turns a non-success answer into an EcsError a person can act on. Understands the three body shapes
 * that occur (Huawei `{"error":{code,message}}`, Nova/Keystone `{"<fault>":{code,message}}`, API gateway
 * `{"error_code","error_msg","request_id"}`), bodies that are not JSON (gateway HTML pages) and empty
 * bodies, and finds the request id in whichever header or field carries it.
 */
import type { Headers } from 'node-fetch';
import {
  EcsError,
  type EcsErrorDetails,
  type EcsErrorFacts,
  type EcsErrorKind,
  type SignatureRefusal,
} from './errors';
import type { InputProblem } from './inputProblem';
import { isRecord as isObject } from './isRecord';
import { SERVER_TEXT_LIMITS, clipText, optionalServerText } from './serverText';

export interface ErrorBody {
  /** Service code (`Ecs.0005`, `APIGW.0301`) or Nova fault name (`itemNotFound`) or Keystone title. */
  code?: string;
  message?: string;
  requestId?: string;
  /** True when the body parsed as JSON. */
  json: boolean;
}

/** What the failed call was about, to phrase the message. */
export interface ErrorContext {
  /** Which service answered: IAM issues tokens, ECS answers the rest. */
  service: 'ECS' | 'IAM';
  authType: 'aksk' | 'password' | 'token';
  /** The request was signed with a security token pasted by the user, which cannot renew itself. */
  securityToken?: boolean;
  serverId?: string;
  key?: string;
  projectId?: string;
  /** IAM action a 403 most likely lacks. */
  permission?: string;
  /** Exact secrets of this client, masked wherever the server's words are kept. */
  secrets: readonly string[];
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-openstack-request-id', 'x-compute-request-id'];

/** The request id the answer carries, made safe to show and log (it is the server's text). */
export function requestIdFromHeaders(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = optionalServerText(headers.get(name) ?? undefined, SERVER_TEXT_LIMITS.requestId);
    if (value) return value;
  }
  return undefined;
}

type Json = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function parseErrorBody(body: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = body.trim() ? JSON.parse(body) : undefined;
  } catch {
    return { json: false };
  }
  if (!isObject(parsed)) return { json: false };
  const requestId = text(parsed.request_id);
  // API gateway shape.
  if ('error_code' in parsed || 'error_msg' in parsed) {
    return { code: text(parsed.error_code), message: text(parsed.error_msg), requestId, json: true };
  }
  // Huawei `{"error": {"code": "Ecs.0005", ...}}` and Keystone `{"error": {"code": 401, "title": ...}}`.
  if (isObject(parsed.error)) {
    const inner = parsed.error;
    const code = typeof inner.code === 'string' ? inner.code : (text(inner.title) ?? text(inner.code));
    return {
      code,
      message: text(inner.message),
      requestId: requestId ?? text(inner.request_id),
      json: true,
    };
  }
  // Nova: the single top-level key is the fault name.
  const keys = Object.keys(parsed);
  if (keys.length === 1 && isObject(parsed[keys[0]])) {
    const inner = parsed[keys[0]] as Json;
    return {
      code: keys[0],
      message: text(inner.message),
      requestId: requestId ?? text(inner.request_id),
      json: true,
    };
  }
  return { requestId, json: true };
}

/** True when a 404/410 says the route itself is gone, not that a server or key is missing. */
export function isRouteGone(error: EcsError): boolean {
  if (error.status === 410) return true;
  return error.status === 404 && error.kind !== 'keyNotFound' && error.kind !== 'serverNotFound';
}

export function errorFromResponse(
  status: number,
  headers: Headers,
  body: string,
  context: ErrorContext,
): EcsError {
  const parsed = parseErrorBody(body);
  // Everything the server wrote is clipped, stripped of control characters and redacted before it is
  // kept; the raw code and message only steer the classification below.
  const requestId =
    requestIdFromHeaders(headers) ??
    optionalServerText(parsed.requestId, SERVER_TEXT_LIMITS.requestId, context.secrets);
  const code = optionalServerText(parsed.code, SERVER_TEXT_LIMITS.code, context.secrets);
  const serverMessage = optionalServerText(parsed.message, SERVER_TEXT_LIMITS.message, context.secrets);
  const isHtml = !parsed.json && /<html|<!doctype/i.test(body);
  const described = describe(status, parsed, serverMessage, isHtml, body.trim().length === 0, context);
  const facts = [code, `HTTP ${status}`, requestId ? `request id ${requestId}` : undefined]
    .filter(Boolean)
    .join(', ');
  return withFacts(described, facts, { status, code, requestId, serverMessage });
}

/** What an answer means: a kind, its message, and the facts of that kind alone. */
type Described = { [K in EcsErrorKind]: DescribedAs<K> }[EcsErrorKind];

interface DescribedAs<K extends EcsErrorKind> {
  kind: K;
  message: string;
  details: EcsErrorDetails[K];
}

/** The error an answer makes: its message ends with the facts, which it also carries. */
function withFacts<K extends EcsErrorKind>(
  described: DescribedAs<K>,
  facts: string,
  common: EcsErrorFacts,
): EcsError<K> {
  return new EcsError(described.kind, `${described.message} (${facts})`, { ...common, ...described.details });
}

function describe(
  status: number,
  parsed: ErrorBody,
  serverMessage: string | undefined,
  isHtml: boolean,
  isEmpty: boolean,
  context: ErrorContext,
): Described {
  const said = serverMessage ? ` The service said: "${clipText(serverMessage, 200)}".` : '';
  const server = context.serverId ? `Server ${context.serverId}` : 'The server';
  if (status === 401 && context.securityToken && /expired/i.test(parsed.message ?? '')) {
    return {
      kind: 'auth',
      message: 'The temporary access key and its security token have expired. Set new credentials.',
      details: { expired: true },
    };
  }
  if (status === 401) {
    const refused = context.authType === 'aksk' ? signatureRefusal(parsed) : undefined;
    return {
      kind: 'auth',
      message: unauthorizedMessage(parsed.code, context),
      details: refused ? { refused } : {},
    };
  }
  if ((status === 403 || status === 413) && isMetadataQuota(parsed.message)) {
    const keyQuota = quotaLimit(parsed.message ?? '');
    const limit = keyQuota !== undefined ? ` of at most ${keyQuota}` : '';
    return {
      kind: 'quota',
      message: `${server} would have more metadata keys than its quota${limit} allows (metadata_items). Remove keys first, or ask for a larger quota.`,
      details: keyQuota !== undefined ? { keyQuota } : {},
    };
  }
  if (status === 409) {
    const taskState = busyState(parsed.message ?? '');
    const state = taskState ? ` (task state ${taskState})` : '';
    return {
      kind: 'conflict',
      message: `${server} is busy with a task${state}; metadata can be changed once the task has ended. Try again later.${said}`,
      details: taskState ? { taskState } : {},
    };
  }
  if (status === 403) {
    const permission = context.permission ? ` (${context.permission})` : '';
    return {
      kind: 'forbidden',
      message: `Permission denied: the IAM user lacks the permission for this call${permission}. Ask an administrator to grant it.${said}`,
      // The route decides the permission (a native fallback needs another one than the Nova route).
      details: context.permission ? { permission: context.permission } : {},
    };
  }
  if (status === 404 && isMetadataItemMissing(parsed)) {
    return {
      kind: 'keyNotFound',
      message: `The key "${context.key ?? ''}" is not set on server ${context.serverId}.`,
      details: {},
    };
  }
  if (status === 404 && isServerNotFound(parsed)) {
    return {
      kind: 'serverNotFound',
      message: `${server} was not found in project ${context.projectId}. Check the id, the region and the project.`,
      details: {},
    };
  }
  if (status === 404 || status === 410) {
    return {
      kind: 'badResponse',
      message: `${context.service} has no such API route at this endpoint (HTTP ${status}). Check the endpoint URL.${said}`,
      details: {},
    };
  }
  if (status === 400) {
    return {
      kind: 'invalidInput',
      message: `${context.service} rejected the request as invalid. Check that the project id belongs to this region and to these credentials.${said}`,
      details: { problem: refusedByCloud(status) },
    };
  }
  if (status === 429) {
    return {
      kind: 'throttled',
      message: `${context.service} is throttling requests from this account. Wait a moment, then try again.`,
      details: {},
    };
  }
  if (status >= 500) {
    const what = isHtml
      ? `A gateway in front of ${context.service} answered with a web page instead of JSON; a proxy or the endpoint may be misconfigured, or the service is down.`
      : `${context.service} had a problem answering.`;
    return { kind: 'server', message: `${what} Try again later.${said}`, details: {} };
  }
  const shape = isEmpty ? ' with an empty body' : isHtml ? ' with a web page' : '';
  return {
    kind: 'invalidInput',
    message: `${context.service} refused the request${shape}.${said}`,
    details: { problem: refusedByCloud(status) },
  };
}

/** A request the cloud refused as not valid: the reason code, with the HTTP status as its fact. */
function refusedByCloud(status: number): InputProblem<'requestRefused'> {
  return { code: 'requestRefused', detail: String(status) };
}

/** Nova's `itemNotFound` "Metadata item was not found", or the native API's word for the same. */
function isMetadataItemMissing(parsed: ErrorBody): boolean {
  const message = parsed.message ?? '';
  if (parsed.code === 'itemNotFound') return /metadata item/i.test(message);
  return /metadata (item|key)\b.*\b(not found|not exist|does not exist)/i.test(message);
}

function isMetadataQuota(message: string | undefined): boolean {
  return /quota exceeded.*metadata[_ ]items|metadata items exceeds/i.test(message ?? '');
}

/** "…already used 127 of 128 metadata_items" or "Maximum number of metadata items exceeds 128". */
function quotaLimit(message: string): number | undefined {
  const match = /\bof (\d+) metadata[_ ]items|metadata items exceeds (\d+)|\blimit(?: is)? (\d+)/i.exec(
    message,
  );
  const digits = match?.[1] ?? match?.[2] ?? match?.[3];
  return digits === undefined ? undefined : Number(digits);
}

/** Nova: "Cannot 'update metadata' instance … while it is in task_state resize_migrating". */
function busyState(message: string): string | undefined {
  return /\b(?:task_state|vm_state|task state|vm state)\s+([A-Za-z_-]+)/i.exec(message)?.[1];
}

function isServerNotFound(parsed: ErrorBody): boolean {
  const message = parsed.message ?? '';
  if (parsed.code === 'itemNotFound') return true;
  return /(instance|server|ecs).*(could not be found|not found|not exist)/i.test(message);
}

/**
 * What the gateway refused of a signed request, from its APIGW.0301 message ("verify aksk signature
 * fail", "the access key does not exist"); undefined when it does not say (a skewed clock, a
 * missing signed header).
 */
function signatureRefusal(parsed: ErrorBody): SignatureRefusal | undefined {
  if (parsed.code !== undefined && !/^APIGW\./i.test(parsed.code)) return undefined;
  const message = parsed.message ?? '';
  if (/signature/i.test(message)) return 'signature';
  if (
    /\b(ak|access ?key)\b.*(not exist|does not exist|not found|invalid|unknown)|secret ?key fail/i.test(
      message,
    )
  )
    return 'accessKey';
  return undefined;
}

function unauthorizedMessage(code: string | undefined, context: ErrorContext): string {
  if (context.service === 'IAM' && context.authType === 'aksk') {
    return "IAM rejected the access key or secret key. Check the credentials, and that this computer's clock is right (signatures more than 15 minutes off are refused).";
  }
  if (context.service === 'IAM') {
    return 'IAM rejected the user name, password or account name. Check the credentials (and that the account is not locked).';
  }
  switch (context.authType) {
    case 'aksk':
      return code === 'APIGW.0301' || code === undefined
        ? "The access key or secret key was rejected. Check the credentials, and that this computer's clock is right (signatures more than 15 minutes off are refused)."
        : 'The access key was rejected. Check that it is active and that the credentials are right.';
    case 'password':
      return 'ECS rejected the IAM token even after a fresh one was issued. Check that the user may access this project.';
    case 'token':
      return 'The token was rejected; it may have expired or been revoked. Set a new token.';
  }
}
