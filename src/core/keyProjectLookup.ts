/**
 * The project id of a region for AK/SK profiles without one: `GET {iam}/v3/auth/projects`, signed
 * with the keys (no `X-Project-Id`: IAM is a global service), lists the projects the keys may use;
 * the one named after the region (or the given project name) is the answer. Any other project would
 * send every call to the wrong place, so none is ever taken instead. Temporary keys a client shares
 * (`createTemporaryKeys`) sign it too: an agency's keys list the delegating account's projects.
 */
import { validIamUrl } from './endpointForm';
import { EcsError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './httpTransport';
import { projectIdNamed } from './projectLookup';
import { akskAuth, temporaryAuth, type RequestAuth } from './requestAuth';
import { RequestExecutor } from './requestExecutor';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import type { AkSkAuth, KeyProjectLookupOptions } from './types';

export async function lookupProjectIdWithKeys(options: KeyProjectLookupOptions): Promise<string> {
  const iamUrl = validIamUrl(options.iamEndpoint);
  const projectName = options.projectName || options.region;
  if (!projectName) {
    throw new EcsError('invalidInput', 'The region is missing; it names the project to look up.', {
      problem: { code: 'regionMissing', detail: '' },
    });
  }
  const now = options.now ?? (() => new Date());
  const keys = options.temporaryKeys;
  const auth = keys
    ? temporaryAuth(keys.type, keys.provider, keys.longLived, undefined, now)
    : signedWith(options.auth, now);
  const executor = new RequestExecutor(
    {
      service: 'IAM',
      baseUrl: iamUrl,
      limits: {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      },
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      onRequest: options.onRequest,
      now,
    },
    auth,
  );
  const answer = await executor.get({
    segments: ['v3', 'auth', 'projects'],
    context: { permission: undefined },
    signal: options.signal,
  });
  return projectIdNamed(answer, projectName, 'these keys');
}

/** Signs IAM calls (no `X-Project-Id`) with the given keys, after checking they are there. */
function signedWith(keys: AkSkAuth | undefined, now: () => Date): RequestAuth {
  if (!keys?.accessKey || !keys.secretKey) {
    throw new EcsError('invalidInput', 'The access key and secret key are needed to find the project.', {
      problem: { code: 'projectLookupKeysMissing', detail: '' },
    });
  }
  const { accessKey, secretKey, securityToken } = keys;
  return akskAuth({ accessKey, secretKey, ...(securityToken ? { securityToken } : {}) }, undefined, now);
}
