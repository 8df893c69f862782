import { endpointsForRegion, normalizeEndpoint, type RegionEndpoints } from '../core';
import type { AgencyFields, Profile, ProfileSetting } from './profile';

/**
 * Fills a profile's defaults. Endpoints come from the region unless given, so Huawei Cloud needs only
 * a region while any other Nova-compatible cloud works by giving both endpoints.
 */
export function resolveProfile(setting: ProfileSetting): Profile {
  const fromRegion = setting.region ? regionEndpoints(setting.region) : undefined;
  // Huawei's region list stays the source for region-only profiles; a profile that names its own IAM
  // endpoint but no ECS endpoint is another cloud, whose catalog knows where compute is.
  const endpointFromCatalog =
    !setting.ecsEndpoint &&
    (setting.auth === 'password' || setting.auth === 'token') &&
    !!setting.iamEndpoint;
  return {
    name: setting.name,
    region: setting.region,
    // As people type them (`…/v2.1`, an `OS_AUTH_URL` ending in `/v3`): the client adds the version.
    ecsEndpoint: endpointFromCatalog
      ? ''
      : normalizeEndpoint(setting.ecsEndpoint ?? fromRegion?.ecsEndpoint ?? '', 'compute').endpoint,
    endpointFromCatalog,
    iamEndpoint: normalizeEndpoint(setting.iamEndpoint ?? fromRegion?.iamEndpoint ?? '', 'identity').endpoint,
    projectId: setting.projectId || undefined,
    projectName: setting.projectName || undefined,
    auth: setting.auth,
    domain: setting.domain,
    user: setting.user,
    ...(setting.durationSeconds !== undefined ? { durationSeconds: setting.durationSeconds } : {}),
    ...agencyFieldsOf(setting),
    servers: (setting.servers ?? []).filter((s) => typeof s?.id === 'string' && s.id.length > 0),
    discoverServers: setting.discoverServers ?? true,
  };
}

/**
 * A mistyped region must not break every list of profiles (the tree, the pickers): its endpoints stay
 * empty, and building the profile's client says what to fix.
 */
function regionEndpoints(region: string): RegionEndpoints | undefined {
  try {
    return endpointsForRegion(region);
  } catch {
    return undefined;
  }
}

/** The agency fields that are set (agency profiles only carry them). */
function agencyFieldsOf(setting: ProfileSetting): AgencyFields {
  const fields: AgencyFields = {};
  for (const field of ['sourceProfile', 'agencyDomain', 'agencyName', 'sessionUser'] as const) {
    const value = setting[field];
    if (value) fields[field] = value;
  }
  return fields;
}
