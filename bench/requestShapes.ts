/** Groups logged requests into route shapes, e.g. `GET /v2.1/{project}/servers/{id}/metadata/{key}`. */
import type { LoggedRequest } from './remoteEcsServer';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function routeShape(request: LoggedRequest, projectId: string): string {
  const path = request.path
    .split(projectId)
    .join('{project}')
    .replace(UUID, '{id}')
    .replace(/\/metadata\/[^/]+$/, '/metadata/{key}');
  return `${request.method} ${path}`;
}

/** `1 × POST /v3/auth/tokens, 50 × GET …` in order of first appearance. */
export function describeShapes(requests: readonly LoggedRequest[], projectId: string): string {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const shape = routeShape(request, projectId);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts].map(([shape, n]) => `${n} × ${shape}`).join(', ');
}
