/**
 * For profiles without an ECS endpoint: one token with its service catalog gives both the project id
 * and the compute endpoint. A password profile asks for a project-scoped token (by project id, else by
 * project name, else by the region, which is the project name on Huawei Cloud); a token profile has
 * Keystone describe its own token (`GET /v3/auth/tokens` with `X-Subject-Token`).
 */
import { EcsError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './httpTransport';
import { tokenAuth } from './requestAuth';
import { RequestExecutor } from './requestExecutor';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import { computeEndpointFromCatalog } from './serviceCatalog';
import { passwordIdentity, requestPasswordToken } from './tokenProvider';
import type { EndpointDiscoveryOptions, DiscoveredEndpoint } from './types';
import { validateEndpoint } from './validation';

export async function discoverComputeEndpoint(
  options: EndpointDiscoveryOptions,
): Promise<DiscoveredEndpoint> {
  const iamUrl = validateEndpoint(options.iamEndpoint, 'IAM endpoint');
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  };
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const { catalog, projectId } =
    options.auth.type === 'password'
      ? await passwordCatalog(options, options.auth, iamUrl, {
          limits,
          userAgent,
          onRequest: options.onRequest,
        })
      : await tokenCatalog(options, options.auth.token, iamUrl, limits, userAgent);
  const project = options.projectId ?? projectId;
  if (!project) {
    throw new EcsError('invalidInput', 'The token names no project; set the project id of the profile.', {
      problem: { code: 'tokenWithoutProject', detail: '' },
    });
  }
  const ecsEndpoint = computeEndpointFromCatalog(catalog, { region: options.region, projectId: project });
  return { ecsEndpoint, projectId: project };
}

async function passwordCatalog(
  options: EndpointDiscoveryOptions,
  auth: { domain: string; domainId?: string; user: string; password: string },
  iamUrl: URL,
  settings: Parameters<typeof requestPasswordToken>[2],
): Promise<{ catalog: unknown; projectId?: string }> {
  const projectName = options.projectName ?? options.region;
  if (!options.projectId && !projectName) {
    throw new EcsError('invalidInput', 'A project id, project name or region is needed to scope the token.', {
      problem: { code: 'tokenScopeMissing', detail: '' },
    });
  }
  const issued = await requestPasswordToken(
    passwordIdentity(iamUrl, auth),
    options.projectId ? { projectId: options.projectId } : { projectName: projectName as string },
    settings,
    options.signal,
    true,
  );
  return { catalog: issued.catalog, projectId: issued.projectId };
}

async function tokenCatalog(
  options: EndpointDiscoveryOptions,
  token: string,
  iamUrl: URL,
  limits: { timeoutMs: number; maxResponseBytes: number },
  userAgent: string,
): Promise<{ catalog: unknown; projectId?: string }> {
  const auth = {
    ...tokenAuth(token),
    headersFor: async () => ({ 'X-Auth-Token': token, 'X-Subject-Token': token }),
  };
  const executor = new RequestExecutor(
    {
      baseUrl: iamUrl,
      service: 'IAM',
      limits,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      userAgent,
      onRequest: options.onRequest,
      now: options.now ?? (() => new Date()),
    },
    auth,
  );
  const answer = await executor.get({
    segments: ['v3', 'auth', 'tokens'],
    context: { permission: undefined },
    signal: options.signal,
  });
  const body = (answer.json as { token?: { catalog?: unknown; project?: { id?: unknown } } } | null)?.token;
  const projectId = typeof body?.project?.id === 'string' ? body.project.id : undefined;
  return { catalog: body?.catalog, ...(projectId ? { projectId } : {}) };
}
