/**
 * The project id of a region, for password profiles configured without one: a token scoped by the
 * project NAME (on Huawei Cloud the region's default project is named after the region) names it;
 * only when the token does not is `GET {iam}/v3/projects?name=<region>` asked.
 */
import { validIamUrl } from './endpointForm';
import { EcsError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from './httpTransport';
import { tokenAuth } from './requestAuth';
import { RequestExecutor, type ApiAnswer } from './requestExecutor';
import { DEFAULT_MAX_ATTEMPTS } from './retryPolicy';
import { loadQuietly, saveQuietly } from './keptSecret';
import { parseCachedToken } from './tokenCache';
import { cachedTokenOf, passwordIdentity, requestPasswordToken, usableCachedToken } from './tokenProvider';
import type { ProjectLookupOptions } from './types';

export async function lookupProjectId(options: ProjectLookupOptions): Promise<string> {
  const iamUrl = validIamUrl(options.iamEndpoint);
  const projectName = options.projectName || options.region;
  if (!projectName)
    throw new EcsError('invalidInput', 'The region is missing; it names the project to look up.', {
      problem: { code: 'regionMissing', detail: '' },
    });
  if (!options.user || !options.password || (!options.domain && !options.domainId)) {
    throw new EcsError(
      'invalidInput',
      'The account name, IAM user name and password are all needed to find the project.',
      { problem: { code: 'projectLookupSignInMissing', detail: '' } },
    );
  }
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  };
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const now = options.now ?? (() => new Date());
  // A kept token scoped to the region's project names it: no request at all.
  const scope = { projectName };
  const kept = usableCachedToken(await loadQuietly(options.tokenCache, parseCachedToken), scope, now());
  if (kept) return kept.projectId;
  const issued = await requestPasswordToken(
    passwordIdentity(iamUrl, options),
    scope,
    { limits, userAgent, onRequest: options.onRequest },
    options.signal,
  );
  // The token was asked for the project by name (the region's, unless one is given); when IAM says it got that
  // project, its id is the answer and listing projects (a permission sub-users often lack) is not needed.
  if (issued.projectId && issued.projectName === projectName) {
    // Kept, so the client that follows (scoped to this id) and the next run need no token request.
    await saveQuietly(options.tokenCache, cachedTokenOf(issued));
    return issued.projectId;
  }

  const executor = new RequestExecutor(
    {
      service: 'IAM',
      baseUrl: iamUrl,
      limits,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      userAgent,
      onRequest: options.onRequest,
      now,
    },
    tokenAuth(issued.token),
  );
  const answer = await executor.get({
    segments: ['v3', 'projects'],
    query: [['name', projectName]],
    context: { permission: 'iam:projects:list' },
    signal: options.signal,
  });
  return projectIdNamed(answer, projectName, 'this account');
}

/**
 * The id of the project called `projectName` in a project listing. Only the project named after the
 * region: any other would send every call to the wrong project.
 */
export function projectIdNamed(answer: ApiAnswer, projectName: string, whose: string): string {
  const projects = (answer.json as { projects?: unknown } | null)?.projects;
  const match = Array.isArray(projects)
    ? projects.find(
        (p): p is { id: string } =>
          typeof p === 'object' &&
          p !== null &&
          typeof (p as { id?: unknown }).id === 'string' &&
          (p as { name?: unknown }).name === projectName,
      )
    : undefined;
  if (!match) {
    throw new EcsError(
      'invalidInput',
      `No project named "${projectName}" was found for ${whose}. Check the region, or set the project id.`,
      {
        ...(answer.requestId ? { requestId: answer.requestId } : {}),
        problem: { code: 'projectNotFound', detail: projectName },
      },
    );
  }
  return match.id;
}
