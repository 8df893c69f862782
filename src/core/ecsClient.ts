/**
 * The ECS metadata client: validates input, picks the route family (Nova `/v2.1` or native
 * `/v1 cloudservers`), and reads the answers; writes are in metadataWrites.ts, what signs the requests
 * in buildRequestAuth.ts. Transport, retries and errors live in their own files.
 */
import { buildRequestAuth } from './buildRequestAuth';
import { stripVersionTail } from './endpointForm';
import { EcsError } from './errors';
import { isRouteGone } from './errorResponse';
import { metadataWrites } from './metadataWrites';
import { temporaryAuth } from './requestAuth';
import { RequestExecutor, type ApiCall } from './requestExecutor';
import { positive, requestSettings } from './requestSettings';
import { metaValue, nativeMetadata, novaMetadata, serverPage, singleServer } from './responseShapes';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import type {
  CallOptions,
  EcsClient,
  EcsClientOptions,
  ListServersOptions,
  MetadataRead,
  ServerPage,
  ServerSummary,
} from './types';
import { validateEndpoint, validateMetadataKey, validateProjectId, validateServerId } from './validation';

const MAX_PAGE_SIZE = 1000;

export function createEcsClient(options: EcsClientOptions): EcsClient {
  const baseUrl = validateEndpoint(stripVersionTail(options.endpoint, 'compute'), 'ECS endpoint');
  validateProjectId(options.projectId);
  const projectId = options.projectId;
  const settings = requestSettings(options);
  const { limits, userAgent, now } = settings;
  const shared = options.temporaryKeys;
  if (shared && shared.type !== options.auth?.type) {
    throw new EcsError('invalidInput', `temporaryKeys were made for "${shared.type}" authentication.`, {
      problem: { code: 'temporaryKeysMismatch', detail: shared.type },
    });
  }
  const auth = shared
    ? temporaryAuth(shared.type, shared.provider, shared.longLived, projectId, now)
    : buildRequestAuth(options.auth, projectId, {
        ...settings,
        tokenCache: options.tokenCache,
        temporaryKeyCache: options.temporaryKeyCache,
      });
  const executor = new RequestExecutor(
    {
      service: 'ECS',
      baseUrl,
      limits,
      maxAttempts: Math.floor(positive(options.maxAttempts, 'maxAttempts') ?? DEFAULT_MAX_ATTEMPTS),
      deadlineMs: positive(options.deadlineMs, 'deadlineMs'),
      userAgent,
      onRequest: options.onRequest,
      now,
    },
    auth,
  );
  const metadataApi = options.metadataApi ?? 'auto';
  if (!['auto', 'nova', 'native'].includes(metadataApi)) {
    throw new EcsError(
      'invalidInput',
      `metadataApi must be "auto", "nova" or "native" (it is "${metadataApi}").`,
      { problem: { code: 'optionMetadataApi', detail: String(metadataApi) } },
    );
  }
  // Set once the Nova route turns out to be gone, so later calls go to the native route directly.
  let useNative = metadataApi === 'native';

  /** Nova first; on 'auto', the native route when (and only when) the Nova route itself is gone. */
  async function viaNovaOrNative<T>(nova: () => Promise<T>, native: () => Promise<T>): Promise<T> {
    if (!useNative) {
      try {
        return await nova();
      } catch (error) {
        if (metadataApi !== 'auto' || !(error instanceof EcsError) || !isRouteGone(error)) throw error;
        useNative = true;
      }
    }
    return native();
  }

  const serverCall = (serverId: string, tail: string[], permission: string, extra: Partial<ApiCall> = {}) =>
    ({
      segments: ['v2.1', projectId, 'servers', serverId, ...tail],
      context: { serverId, projectId, permission },
      ...extra,
    }) satisfies ApiCall;

  const nativeServerCall = (serverId: string, signal: AbortSignal | undefined): ApiCall => ({
    segments: ['v1', projectId, 'cloudservers', serverId],
    context: { serverId, projectId, permission: 'ecs:cloudServers:showServer' },
    signal,
  });

  async function readMetadataItem(
    serverId: string,
    key: string,
    opts: CallOptions = {},
  ): Promise<MetadataRead> {
    validateServerId(serverId);
    validateMetadataKey(key);
    return viaNovaOrNative(
      async () => {
        const call = serverCall(serverId, ['metadata', key], 'ecs:servers:getMetadata', {
          signal: opts.signal,
        });
        const answer = await executor.get({ ...call, context: { ...call.context, key } });
        return withRequestId(
          { value: metaValue(answer.json, key, answer.requestId), api: 'nova' },
          answer.requestId,
        );
      },
      async () => {
        const answer = await executor.get(nativeServerCall(serverId, opts.signal));
        const metadata = nativeMetadata(answer.json, answer.requestId);
        if (!Object.prototype.hasOwnProperty.call(metadata, key)) {
          const where = answer.requestId ? ` (request id ${answer.requestId})` : '';
          throw new EcsError('keyNotFound', `The key "${key}" is not set on server ${serverId}.${where}`, {
            code: 'keyNotFound',
            ...(answer.requestId ? { requestId: answer.requestId } : {}),
          });
        }
        return withRequestId({ value: metadata[key], api: 'native' }, answer.requestId);
      },
    );
  }

  async function listMetadata(serverId: string, opts: CallOptions = {}): Promise<Record<string, string>> {
    validateServerId(serverId);
    return viaNovaOrNative(
      async () => {
        const answer = await executor.get(
          serverCall(serverId, ['metadata'], 'ecs:servers:listMetadata', { signal: opts.signal }),
        );
        return novaMetadata(answer.json, answer.requestId);
      },
      async () => {
        const answer = await executor.get(nativeServerCall(serverId, opts.signal));
        return nativeMetadata(answer.json, answer.requestId);
      },
    );
  }

  async function listServers(opts: ListServersOptions = {}): Promise<ServerPage> {
    const query: [string, string][] = [];
    if (opts.limit !== undefined) {
      if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > MAX_PAGE_SIZE) {
        throw new EcsError(
          'invalidInput',
          `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
          { problem: { code: 'pageSizeInvalid', detail: String(MAX_PAGE_SIZE) } },
        );
      }
      query.push(['limit', String(opts.limit)]);
    }
    if (opts.marker !== undefined) {
      validateServerId(opts.marker);
      query.push(['marker', opts.marker]);
    }
    if (opts.name !== undefined && opts.name !== '') {
      if (opts.name.length > 255)
        throw new EcsError('invalidInput', 'The name filter is longer than 255 characters.', {
          problem: { code: 'nameFilterTooLong', detail: '' },
        });
      query.push(['name', opts.name]);
    }
    if (opts.status !== undefined && opts.status !== '') {
      if (!/^[A-Za-z_]{1,64}$/.test(opts.status))
        throw new EcsError('invalidInput', 'The status filter must be a word such as ACTIVE or SHUTOFF.', {
          problem: { code: 'statusFilterInvalid', detail: '' },
        });
      query.push(['status', opts.status]);
    }
    const answer = await executor.get({
      segments: ['v2.1', projectId, 'servers', 'detail'],
      query,
      context: { projectId, permission: 'ecs:servers:list' },
      signal: opts.signal,
    });
    return serverPage(answer.json, answer.requestId, opts.withMetadata === true);
  }

  async function getServer(serverId: string, opts: CallOptions = {}): Promise<ServerSummary> {
    validateServerId(serverId);
    const answer = await executor.get(serverCall(serverId, [], 'ecs:servers:get', { signal: opts.signal }));
    return singleServer(answer.json, answer.requestId);
  }

  return {
    ...metadataWrites({ executor, projectId, viaNovaOrNative, listMetadata }),
    readMetadataItem,
    getMetadataItem: async (serverId, key, opts) => (await readMetadataItem(serverId, key, opts)).value,
    listMetadata,
    listServers,
    getServer,
  };
}

function withRequestId(read: MetadataRead, requestId: string | undefined): MetadataRead {
  return requestId ? { ...read, requestId } : read;
}
