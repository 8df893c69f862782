/**
 * The compute endpoint named by a Keystone service catalog (`token.catalog`): the `compute` service's
 * `public` endpoint of the wanted region, without its `/v2.1[/{project_id}]` tail (the client adds
 * it). Only https:// URLs, or http:// to this machine, are accepted, as for typed endpoints.
 */
import { EcsError } from './errors';
import { validateEndpoint } from './validation';

interface CatalogEndpoint {
  interface?: unknown;
  region?: unknown;
  region_id?: unknown;
  url?: unknown;
}

export function computeEndpointFromCatalog(
  catalog: unknown,
  where: { region?: string; projectId?: string },
): string {
  const services = Array.isArray(catalog) ? (catalog as unknown[]) : [];
  const publicEndpoints = services
    .filter((s): s is { endpoints?: unknown } => isObject(s) && (s as { type?: unknown }).type === 'compute')
    .flatMap((s) => (Array.isArray(s.endpoints) ? (s.endpoints as unknown[]) : []))
    .filter((e): e is CatalogEndpoint => isObject(e) && (e as CatalogEndpoint).interface === 'public')
    .filter((e) => typeof e.url === 'string');
  const inRegion = where.region
    ? publicEndpoints.filter((e) => e.region_id === where.region || e.region === where.region)
    : publicEndpoints.length === 1
      ? publicEndpoints
      : [];
  const found = inRegion[0];
  if (!found) {
    throw new EcsError(
      'invalidInput',
      where.region
        ? `The service catalog has no public compute endpoint in region "${where.region}". Set the ECS endpoint of the profile.`
        : 'The service catalog does not name one public compute endpoint; set the region or the ECS endpoint of the profile.',
      { code: 'noComputeInCatalog' },
    );
  }
  const url = validateEndpoint(found.url, 'compute endpoint in the service catalog');
  url.pathname = stripComputeSuffix(url.pathname, where.projectId);
  return url.href.replace(/\/+$/, '');
}

/** `/v2.1`, `/v2.1/{project_id}`, `/v2/{project_id}` at the end of a path, removed. */
function stripComputeSuffix(pathname: string, projectId: string | undefined): string {
  const segments = pathname.split('/');
  const last = segments[segments.length - 1];
  const isProject = (s: string | undefined): boolean =>
    s !== undefined && (projectId !== undefined ? s === projectId : /^[A-Za-z0-9_-]{16,64}$/.test(s));
  const isVersion = (s: string | undefined): boolean => s === 'v2.1' || s === 'v2';
  if (isProject(last) && isVersion(segments[segments.length - 2])) segments.splice(-2, 2);
  else if (isVersion(last)) segments.splice(-1, 1);
  return segments.join('/');
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
