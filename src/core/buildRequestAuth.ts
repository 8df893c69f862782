/**
 * From the auth a profile gives (`EcsAuth`) to what signs each request (`RequestAuth`): the checks
 * that name a missing credential, and the token and temporary-key providers behind them.
 */
import { agencyRefusal, assumeRoleIdentity } from './agencyCredentials';
import { validIamUrl } from './endpointForm';
import { EcsError } from './errors';
import { akskAuth, passwordAuth, temporaryAuth, tokenAuth, type RequestAuth } from './requestAuth';
import type { RequestSettings } from './requestSettings';
import {
  DEFAULT_TEMPORARY_DURATION_SECONDS,
  TemporaryCredentialProvider,
  type SecurityTokenCaller,
} from './temporaryCredentials';
import type { TemporaryKeyCache } from './temporaryKeyCache';
import type { TokenCache } from './tokenCache';
import { passwordIdentity, PasswordTokenProvider, type TokenScope } from './tokenProvider';
import type { EcsAuth } from './types';

/** What a `credentialMissing` names: its detail, and the words of the core's English message. */
const missingWords = {
  userName: 'IAM user name',
  password: 'password',
  domain: 'account (domain) name',
  accessKey: 'access key',
  secretKey: 'secret key',
  token: 'token',
  agencyName: 'agency name',
  agencyDomain: 'delegating account of the agency',
  sourceAccessKey: 'access key of the source profile',
  sourceSecretKey: 'secret key of the source profile',
  sourceToken: 'token of the source profile',
  sourceProject: 'project (or region) of the source profile',
} as const;

/** A credential the profile needs is not there: set its credentials. */
function missing(what: keyof typeof missingWords): EcsError {
  return new EcsError(
    'invalidInput',
    `The ${missingWords[what]} is missing. Set the credentials of this profile.`,
    {
      problem: { code: 'credentialMissing', detail: what },
    },
  );
}

/** A password's token provider, after checking the sign-in fields are there. */
function passwordTokens(
  signIn: { domain: string; domainId?: string; user: string; password: string },
  iamEndpoint: string,
  scope: TokenScope,
  settings: RequestSettings,
  tokenCache?: TokenCache,
): { tokens: PasswordTokenProvider; iamUrl: URL } {
  if (!signIn.user) throw missing('userName');
  if (!signIn.password) throw missing('password');
  if (!signIn.domain && !signIn.domainId) throw missing('domain');
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
  of: 'profile' | 'source',
): Parameters<typeof akskAuth>[0] {
  if (!keys.accessKey) throw missing(of === 'source' ? 'sourceAccessKey' : 'accessKey');
  if (!keys.secretKey) throw missing(of === 'source' ? 'sourceSecretKey' : 'secretKey');
  const expiresAt =
    keys.securityToken && keys.securityTokenExpiresAt ? new Date(keys.securityTokenExpiresAt) : undefined;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    throw new EcsError('invalidInput', 'securityTokenExpiresAt is not a date (ISO 8601, as expires_at).', {
      problem: { code: 'securityTokenExpiryNotDate', detail: '' },
    });
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
    throw new EcsError('invalidInput', 'durationSeconds must be a whole number from 900 to 86400.', {
      problem: { code: 'durationOutOfRange', detail: String(duration) },
    });
  }
  return duration;
}

/** Where a client's kept IAM token and temporary keys live between clients (and runs). */
export interface AuthSettings extends RequestSettings {
  tokenCache?: TokenCache;
  temporaryKeyCache?: TemporaryKeyCache;
}

/**
 * What signs a client's requests, made from the auth a profile gives: AK/SK sign as they are, a
 * password's token is asked for (and renewed), temporary and agency keys are bought at IAM.
 */
export function buildRequestAuth(auth: EcsAuth, projectId: string, settings: AuthSettings): RequestAuth {
  switch (auth?.type) {
    case 'aksk':
      return akskAuth(checkedKeys(auth, 'profile'), projectId, settings.now);
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
        caller = akskAuth(checkedKeys(auth, 'profile'), undefined, settings.now);
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
      if (!auth.agencyName) throw missing('agencyName');
      const domain = 'id' in auth.agencyDomain ? auth.agencyDomain.id : auth.agencyDomain.name;
      if (!domain) throw missing('agencyDomain');
      const iamUrl = validIamUrl(auth.iamEndpoint);
      const source = auth.source;
      let caller: SecurityTokenCaller;
      let longLived: string[];
      if (source.type === 'token') {
        if (!source.token) throw missing('sourceToken');
        caller = tokenAuth(source.token);
        longLived = [source.token];
      } else if (source.type === 'aksk') {
        caller = akskAuth(checkedKeys(source, 'source'), undefined, settings.now);
        longLived = [...caller.secrets];
      } else {
        const scope = source.projectId
          ? { projectId: source.projectId }
          : source.projectName
            ? { projectName: source.projectName }
            : undefined;
        if (!scope) throw missing('sourceProject');
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
        { problem: { code: 'authTypeUnknown', detail: '' } },
      );
  }
}
