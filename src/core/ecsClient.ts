/**
 * The ECS metadata client: validates input, picks the route family (Nova `/v2.1` or native
 * `/v1 cloudservers`), and reads the answers; writes are in metadataWrites.ts. Transport, auth, retries and errors live in their own files.
 */
import { stripVersionTail, validIamUrl } from './endpointForm';
import { EcsError } from './errors';
import { isRouteGone } from './errorResponse';
import { metadataWrites } from './metadataWrites';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './httpTransport';
import { akskAuth, passwordAuth, temporaryAuth, tokenAuth, type RequestAuth } from './requestAuth';
import { RequestExecutor, type ApiCall } from './requestExecutor';
import { metaValue, nativeMetadata, novaMetadata, serverPage, singleServer } from './responseShapes';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import { agencyRefusal, assumeRoleIdentity } from './agencyCredentials';
import {
  DEFAULT_TEMPORARY_DURATION_SECONDS,
  TemporaryCredentialProvider,
  type SecurityTokenCaller,
} from './temporaryCredentials';
import type { TemporaryKeyCache } from './temporaryKeyCache';
import type { TokenCache } from './tokenCache';
import { passwordIdentity, PasswordTokenProvider, type TokenScope } from './tokenProvider';
import type {
  CallOptions,
  EcsAuth,
  EcsClient,
  EcsClientOptions,
  ListServersOptions,
  MetadataRead,
  ServerPage,
  ServerSummary,
  TemporaryKeys,
  TemporaryKeysOptions,
} from './types';
import { validateEndpoint, validateMetadataKey, validateProjectId, validateServerId } from './validation';

const MAX_PAGE_SIZE = 1000;

export function createEcsClient(options: EcsClientOptions): EcsClient {
  const baseUrl = validateEndpoint(stripVersionTail(options.endpoint, 'compute'), 'ECS endpoint');
  validateProjectId(options.projectId);
  const projectId = options.projectId;
  const now = options.now ?? (() => new Date());
  const limits = {
    timeoutMs: positive(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: positive(options.maxResponseBytes, 'maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const shared = options.temporaryKeys;
  if (shared && shared.type !== options.auth?.type) {
    throw new EcsError('invalidInput', `temporaryKeys were made for "${shared.type}" authentication.`);
  }
  const auth = shared
    ? temporaryAuth(shared.type, shared.provider, shared.longLived, projectId, now)
    : buildAuth(options.auth, projectId, {
        limits,
        userAgent,
        onRequest: options.onRequest,
        now,
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
        throw new EcsError('invalidInput', 'The name filter is longer than 255 characters.');
      query.push(['name', opts.name]);
    }
    if (opts.status !== undefined && opts.status !== '') {
      if (!/^[A-Za-z_]{1,64}$/.test(opts.status))
        throw new EcsError('invalidInput', 'The status filter must be a word such as ACTIVE or SHUTOFF.');
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

/**
 * Temporary AK/SK of a `temporary` or `agency` auth, made once to be shared: hand them to
 * `lookupProjectIdWithKeys` (an agency's project) and to `createEcsClient`, and both sign with the
 * same keys — one securitytokens request. `temporary` with a password needs the project id (its
 * token is scoped to it); with permanent AK/SK it does not.
 */
export function createTemporaryKeys(options: TemporaryKeysOptions): TemporaryKeys {
  if (options.auth?.type !== 'temporary' && options.auth?.type !== 'agency') {
    throw new EcsError('invalidInput', 'Only "temporary" and "agency" authentication make temporary keys.');
  }
  // A password's token is scoped to the project; keys bought with permanent AK/SK need none.
  const scoped = options.auth.type === 'temporary' && !('accessKey' in options.auth);
  if (scoped || options.projectId !== undefined) {
    validateProjectId(options.projectId);
  }
  const auth = buildAuth(options.auth, options.projectId ?? '', {
    limits: {
      timeoutMs: positive(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: positive(options.maxResponseBytes, 'maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES,
    },
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    onRequest: options.onRequest,
    now: options.now ?? (() => new Date()),
    temporaryKeyCache: options.temporaryKeyCache,
  });
  // Only the keys are taken: createEcsClient and the lookup sign with them for their own project (or none).
  if (!auth.temporaryKeys) throw new Error('temporary auth without temporary keys');
  return auth.temporaryKeys;
}

function withRequestId(read: MetadataRead, requestId: string | undefined): MetadataRead {
  return requestId ? { ...read, requestId } : read;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new EcsError('invalidInput', `${name} must be a positive number (it is ${value}).`);
  }
  return value;
}

/** A credential the profile needs is not there: set its credentials. */
function missing(what: string): EcsError {
  return new EcsError('invalidInput', `The ${what} is missing. Set the credentials of this profile.`);
}

/** A password's token provider, after checking the sign-in fields are there. */
function passwordTokens(
  signIn: { domain: string; domainId?: string; user: string; password: string },
  iamEndpoint: string,
  scope: TokenScope,
  settings: ConstructorParameters<typeof PasswordTokenProvider>[2] & { now: () => Date },
  tokenCache?: TokenCache,
): { tokens: PasswordTokenProvider; iamUrl: URL } {
  if (!signIn.user) throw missing('IAM user name');
  if (!signIn.password) throw missing('password');
  if (!signIn.domain && !signIn.domainId) throw missing('account (domain) name');
  const iamUrl = validIamUrl(iamEndpoint);
  const identity = passwordIdentity(iamUrl, signIn);
  return { tokens: new PasswordTokenProvider(identity, scope, settings, settings.now, tokenCache), iamUrl };
}

/**
 * AK/SK as given, checked: both keys there, and a known expiry of a pasted security token a date.
 * `of` names whose keys they are in errors.
 */
function checkedKeys(
  keys: { accessKey: string; secretKey: string; securityToken?: string; securityTokenExpiresAt?: string },
  of: string,
): Parameters<typeof akskAuth>[0] {
  if (!keys.accessKey) throw missing(`access key${of}`);
  if (!keys.secretKey) throw missing(`secret key${of}`);
  const expiresAt =
    keys.securityToken && keys.securityTokenExpiresAt ? new Date(keys.securityTokenExpiresAt) : undefined;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    throw new EcsError('invalidInput', 'securityTokenExpiresAt is not a date (ISO 8601, as expires_at).');
  }
  return {
    accessKey: keys.accessKey,
    secretKey: keys.secretKey,
    ...(keys.securityToken ? { securityToken: keys.securityToken } : {}),
    ...(expiresAt ? { securityTokenExpiresAt: expiresAt } : {}),
  };
}

/** Temporary credentials' lifetime: 900..86400 seconds, default one hour. */
function durationOf(durationSeconds: number | undefined): number {
  const duration = durationSeconds ?? DEFAULT_TEMPORARY_DURATION_SECONDS;
  if (!Number.isInteger(duration) || duration < 900 || duration > 86400) {
    throw new EcsError('invalidInput', 'durationSeconds must be a whole number from 900 to 86400.');
  }
  return duration;
}

function buildAuth(
  auth: EcsAuth,
  projectId: string,
  settings: ConstructorParameters<typeof PasswordTokenProvider>[2] & {
    now: () => Date;
    tokenCache?: TokenCache;
    temporaryKeyCache?: TemporaryKeyCache;
  },
): RequestAuth {
  switch (auth?.type) {
    case 'aksk':
      return akskAuth(checkedKeys(auth, ''), projectId, settings.now);
    case 'token':
      if (!auth.token) throw missing('token');
      return tokenAuth(auth.token);
    case 'password': {
      const { tokens } = passwordTokens(auth, auth.iamEndpoint, { projectId }, settings, settings.tokenCache);
      return passwordAuth(tokens, auth.password);
    }
    case 'temporary': {
      // Bought with permanent AK/SK (the request signed with them) or with a password's token.
      let caller: SecurityTokenCaller;
      let iamUrl: URL;
      if ('accessKey' in auth) {
        caller = akskAuth(checkedKeys(auth, ''), undefined, settings.now);
        iamUrl = validIamUrl(auth.iamEndpoint);
      } else {
        // The kept token (from the project lookup, or an earlier run) buys the keys without a sign-in.
        const password = passwordTokens(auth, auth.iamEndpoint, { projectId }, settings, settings.tokenCache);
        caller = passwordAuth(password.tokens, auth.password);
        iamUrl = password.iamUrl;
      }
      const longLived = ['accessKey' in auth ? auth.secretKey : auth.password];
      const identity = {
        methods: ['token'] as ['token'],
        token: { duration_seconds: durationOf(auth.durationSeconds) },
      };
      const provider = new TemporaryCredentialProvider(
        iamUrl,
        caller,
        identity,
        settings,
        settings.now,
        undefined,
        settings.temporaryKeyCache,
      );
      return temporaryAuth('temporary', provider, longLived, projectId, settings.now);
    }
    case 'agency': {
      if (!auth.agencyName) throw missing('agency name');
      const domain = 'id' in auth.agencyDomain ? auth.agencyDomain.id : auth.agencyDomain.name;
      if (!domain) throw missing('delegating account of the agency');
      const iamUrl = validIamUrl(auth.iamEndpoint);
      const source = auth.source;
      let caller: SecurityTokenCaller;
      let longLived: string[];
      if (source.type === 'token') {
        if (!source.token) throw missing('token of the source profile');
        caller = tokenAuth(source.token);
        longLived = [source.token];
      } else if (source.type === 'aksk') {
        caller = akskAuth(checkedKeys(source, ' of the source profile'), undefined, settings.now);
        longLived = [...caller.secrets];
      } else {
        const scope = source.projectId
          ? { projectId: source.projectId }
          : source.projectName
            ? { projectName: source.projectName }
            : undefined;
        if (!scope) throw missing('project (or region) of the source profile');
        caller = passwordAuth(
          passwordTokens(source, auth.iamEndpoint, scope, settings).tokens,
          source.password,
        );
        longLived = [source.password];
      }
      const provider = new TemporaryCredentialProvider(
        iamUrl,
        caller,
        assumeRoleIdentity(auth, durationOf(auth.durationSeconds)),
        settings,
        settings.now,
        agencyRefusal(auth),
        settings.temporaryKeyCache,
      );
      return temporaryAuth('agency', provider, longLived, projectId, settings.now);
    }
    default:
      throw new EcsError(
        'invalidInput',
        'The authentication type must be "aksk", "password", "token", "temporary" or "agency".',
      );
  }
}
