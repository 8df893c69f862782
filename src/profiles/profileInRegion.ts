import { normalizeEndpoint } from '../core';
import type { Profile, ServerRef } from './profile';
import { regionEndpoints } from './resolveProfile';

/**
 * One region of a profile, as a profile of that region alone: its own ECS and IAM endpoints from
 * Huawei's region list (unless the profile names them), the configured servers of that region, the
 * project looked up by the region's name (unless the profile names one project, as an OpenStack cloud
 * whose project spans its regions does). A profile of one region or none is its own region.
 */
export function profileInRegion(profile: Profile, region: string): Profile {
  if (profile.regions.length <= 1) return profile;
  const fromRegion = regionEndpoints(region);
  return {
    ...profile,
    region,
    regions: [region],
    ecsEndpoint: profile.endpointFromCatalog
      ? ''
      : profile.ecsEndpoint || normalizeEndpoint(fromRegion?.ecsEndpoint ?? '', 'compute').endpoint,
    iamEndpoint: profile.iamEndpoint || normalizeEndpoint(fromRegion?.iamEndpoint ?? '', 'identity').endpoint,
    servers: profile.servers.filter((server) => serverRegion(profile, server) === region),
  };
}

/** The region a configured server belongs to: its own `region`, else the profile's first. */
export function serverRegion(profile: Profile, server: ServerRef): string | undefined {
  return server.region ?? profile.regions[0];
}

/** True when the profile covers several regions, so everything it addresses must say which. */
export function hasSeveralRegions(profile: Pick<Profile, 'regions'>): boolean {
  return profile.regions.length > 1;
}
