/**
 * Endpoints as people type them. Every `OS_AUTH_URL` ends in `/v3`, and catalogs list compute as
 * `…/v2.1` or `…/v2.1/{project_id}`; the client adds those parts itself, so they are cut off here
 * rather than sent twice (`/v3/v3/auth/tokens`). Pure string work: an unparsable URL comes back as
 * typed (trailing slashes aside), for validateEndpoint to refuse with its own message.
 */
import { validateEndpoint } from './validation';

export type EndpointService = 'compute' | 'identity';

/**
 * What was cut off, as a code the VS Code layer words: `version` the API version the client adds
 * anyway; `versionAndProject` that plus a project id (or its `{project_id}` placeholder), which the
 * project id setting gives; `olderVersion` a `/v2` (Nova v2, Keystone v2.0), replaced by the version
 * the client speaks (`/v2.1`, `/v3`) — worth a note, since the user may have meant that API.
 */
export type EndpointTrim = 'version' | 'versionAndProject' | 'olderVersion';

export interface NormalizedEndpoint {
  /** The endpoint without trailing slashes and without the trimmed tail. */
  endpoint: string;
  /** The tail that was cut off, as typed (e.g. `/v2.1/9c53…`); undefined when nothing was. */
  removed?: string;
  trim?: EndpointTrim;
}

/** `/v2.1` with an optional project segment, or `/v2` with one: Nova's versioned roots. */
const COMPUTE_TAIL = /\/(v2(?:\.1)?)(\/[^/?#]+)?$/i;
/** `/v3`, or Keystone's old `/v2.0` (also typed `/v2`). */
const IDENTITY_TAIL = /\/(v3|v2(?:\.0)?)$/i;

export function normalizeEndpoint(typed: string, service: EndpointService): NormalizedEndpoint {
  const trimmed = typed.trim().replace(/\/+$/, '');
  const split = splitOrigin(trimmed);
  if (!split) return { endpoint: trimmed };
  const { origin, path } = split;
  const match = (service === 'compute' ? COMPUTE_TAIL : IDENTITY_TAIL).exec(path);
  if (!match) return { endpoint: trimmed };
  const version = match[1].toLowerCase();
  const current = service === 'compute' ? 'v2.1' : 'v3';
  const trim: EndpointTrim =
    version !== current ? 'olderVersion' : match[2] !== undefined ? 'versionAndProject' : 'version';
  return {
    endpoint: origin + path.slice(0, match.index).replace(/\/+$/, ''),
    removed: match[0],
    trim,
  };
}

/**
 * The other service's path where this one's endpoint goes: `/v3` (identity) ending a compute
 * endpoint, `/v2.1` with or without a project (compute) ending an identity one.
 */
const OTHER_SERVICE_TAIL: Record<EndpointService, RegExp> = {
  compute: /\/v3$/i,
  identity: /\/v2\.1(\/[^/?#]+)?$/i,
};

/**
 * When `typed` ends in the other service's path (a compute endpoint typed as `https://host/v3`):
 * that tail, and the endpoint without it — the fix to offer. Undefined otherwise.
 */
export function otherServicePath(
  typed: string,
  service: EndpointService,
): { endpoint: string; removed: string } | undefined {
  const split = splitOrigin(typed.trim().replace(/\/+$/, ''));
  if (!split) return undefined;
  const match = OTHER_SERVICE_TAIL[service].exec(split.path);
  if (!match) return undefined;
  return {
    endpoint: split.origin + split.path.slice(0, match.index).replace(/\/+$/, ''),
    removed: match[0],
  };
}

/**
 * `scheme://authority` and the path after it, or undefined when the text has no such shape, or a
 * query or fragment (which validation refuses; nothing is cut from what will be refused anyway).
 */
function splitOrigin(url: string): { origin: string; path: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)(\/[^?#]*)?$/i.exec(url);
  if (!match) return undefined;
  return { origin: match[1], path: match[2] ?? '' };
}

/** For the client's options: the endpoint without its version tail; anything but a string is left to validation. */
export function stripVersionTail(endpoint: unknown, service: EndpointService): unknown {
  return typeof endpoint === 'string' ? normalizeEndpoint(endpoint, service).endpoint : endpoint;
}

/** The IAM endpoint as a URL, without its version tail (`/v3`), after validation. */
export function validIamUrl(endpoint: unknown): URL {
  return validateEndpoint(stripVersionTail(endpoint, 'identity'), 'IAM endpoint');
}
