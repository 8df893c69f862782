/**
 * The project id of a region for AK/SK profiles without one: `GET {iam}/v3/auth/projects`, signed
 * with the keys (no `X-Project-Id`: IAM is a global service), lists the projects the keys may use;
 * the one named after the region (or the given project name) is the answer. Any other project would
 * send every call to the wrong place, so none is ever taken instead.
 */
import { stripVersionTail } from './endpointForm';
import { EcsError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './httpTransport';
import { projectIdNamed } from './projectLookup';
import { akskAuth } from './requestAuth';
import { RequestExecutor } from './requestExecutor';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import type { KeyProjectLookupOptions } from './types';
import { validateEndpoint } from './validation';

export async function lookupProjectIdWithKeys(options: KeyProjectLookupOptions): Promise<string> {
  const iamUrl = validateEndpoint(stripVersionTail(options.iamEndpoint, 'identity'), 'IAM endpoint');
  const projectName = options.projectName || options.region;
  if (!projectName) {
    throw new EcsError('invalidInput', 'The region is missing; it names the project to look up.');
  }
  const { accessKey, secretKey, securityToken } = options.auth;
  if (!accessKey || !secretKey) {
    throw new EcsError('invalidInput', 'The access key and secret key are needed to find the project.');
  }
  const now = options.now ?? (() => new Date());
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
    akskAuth({ accessKey, secretKey, ...(securityToken ? { securityToken } : {}) }, undefined, now),
  );
  const answer = await executor.get({
    segments: ['v3', 'auth', 'projects'],
    context: { permission: undefined },
    signal: options.signal,
  });
  return projectIdNamed(answer, projectName, 'these keys');
}
