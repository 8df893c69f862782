/**
 * The compute endpoint named by a Keystone service catalog (`token.catalog`): the `compute` service's
 * `public` endpoint of the wanted region, without its `/v2.1[/{project_id}]` tail (the client adds
 * it). Only https:// URLs, or http:// to this machine, are accepted, as for typed endpoints.
 */
import { EcsError } from './errors';
import { normalizeEndpoint } from './endpointForm';
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
      { code: 'noComputeInCatalog', problem: { code: 'catalogNoCompute', detail: where.region ?? '' } },
    );
  }
  // The same rule as an endpoint typed into settings: `/v2.1[/{project_id}]` is the client's to add.
  const url = validateEndpoint(
    normalizeEndpoint(String(found.url), 'compute').endpoint,
    'compute endpoint in the service catalog',
  );
  return url.href.replace(/\/+$/, '');
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
