import { createHash } from 'node:crypto';
import { authTypes, usesPassword, type AuthType, type Profile } from '../profiles/profile';
import { profileInRegion } from '../profiles/profileInRegion';
import { regionEndpoints } from '../profiles/resolveProfile';

/**
 * Where a profile's secrets were entered for: the hosts they may travel to, the sign-in method and
 * the account. Stored beside the secrets; a profile whose settings no longer match is not sent them.
 * Also the identity of anything derived from those secrets (e.g. a cached token): `bindingFingerprint`.
 */
export interface CredentialBinding {
  auth: AuthType;
  /**
   * Origin of the ECS endpoint: every API call, and so every signature or token, goes there. A
   * profile of several regions: each region's, space-separated.
   */
  ecsOrigin: string;
  /**
   * Origin of the IAM endpoint (each region's, space-separated), wherever the secret reaches it:
   * password and temporary sign-in (its password or the signature of its permanent AK/SK), a token
   * that asks for the service catalog, AK/SK signatures (a region's project looked up) and a token or
   * AK/SK that assume an agency there (an IAM endpoint other than the region's own).
   */
  iamOrigin?: string;
  /** Account and user the password belongs to (password and temporary sign-in). */
  domain?: string;
  user?: string;
}

export type BindingField = keyof CredentialBinding;

export interface BindingChange {
  field: BindingField;
  /** As the secrets were entered; undefined when the field was not set. */
  was?: string;
  now?: string;
}

const fields: readonly BindingField[] = ['auth', 'ecsOrigin', 'iamOrigin', 'domain', 'user'];

/** The binding of a profile as its settings say now. */
export function bindingOf(profile: Profile): CredentialBinding {
  const places =
    profile.regions.length > 1 ? profile.regions.map((r) => profileInRegion(profile, r)) : [profile];
  const origins = (endpoints: string[]): string => [...new Set(endpoints.map(originOf))].join(' ');
  const binding: CredentialBinding = {
    auth: profile.auth,
    ecsOrigin: origins(places.map((p) => p.ecsEndpoint)),
  };
  // A secret that reaches IAM binds its IAM origin, whatever the sign-in method, so an IAM endpoint
  // edited in settings gets nothing until confirmed. Passwords always go there (for temporary AK/SK
  // too: the password, or permanent keys, buy them at IAM). A token asks IAM for the service catalog
  // of a profile without an ECS endpoint. AK/SK sign there when a region's project is looked up with
  // them; keys or a token that are an agency's source assume it at their profile's IAM endpoint, so
  // an IAM endpoint other than the region's own binds too. A token sent to ECS only, with the
  // region's IAM, binds no IAM origin (as it always did).
  const secretGoesToIam =
    usesPassword(profile.auth) ||
    (profile.auth === 'token' && profile.endpointFromCatalog) ||
    (profile.auth === 'aksk' && !profile.projectId && profile.regions.length > 0) ||
    ((profile.auth === 'aksk' || profile.auth === 'token') && places.some(ownIamEndpoint));
  if (secretGoesToIam) {
    binding.iamOrigin = origins(places.map((p) => p.iamEndpoint));
  }
  if (usesPassword(profile.auth)) {
    // A domain given only by id binds by its id.
    const domain = profile.domain ?? profile.domainId;
    if (domain !== undefined) binding.domain = domain;
    if (profile.user !== undefined) binding.user = profile.user;
  }
  return binding;
}

/** True when a profile (of one region) names an IAM endpoint that is not its region's default one. */
function ownIamEndpoint(place: Profile): boolean {
  if (!place.iamEndpoint) return false;
  const regional = place.region ? regionEndpoints(place.region)?.iamEndpoint : undefined;
  return regional === undefined || originOf(place.iamEndpoint) !== originOf(regional);
}

/** What differs between where the secrets were entered for and the profile now; empty when nothing. */
export function bindingChanges(entered: CredentialBinding, now: CredentialBinding): BindingChange[] {
  return fields
    .filter((field) => entered[field] !== now[field])
    .map((field) => ({ field, was: entered[field], now: now[field] }));
}

/**
 * A short stable id of a binding (hex), for keys of things that must not outlive it — such as a
 * token cached in SecretStorage per endpoints and user. Names no host or user in clear.
 */
export function bindingFingerprint(binding: CredentialBinding): string {
  const canonical = JSON.stringify(fields.map((field) => binding[field] ?? null));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** Checks a stored value (read back from SecretStorage) and keeps only the known fields. */
export function parseBinding(value: unknown): CredentialBinding | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!authTypes.includes(v.auth as AuthType) || typeof v.ecsOrigin !== 'string') {
    return undefined;
  }
  const binding: CredentialBinding = { auth: v.auth as AuthType, ecsOrigin: v.ecsOrigin };
  for (const field of ['iamOrigin', 'domain', 'user'] as const) {
    if (typeof v[field] === 'string') binding[field] = v[field];
  }
  return binding;
}

/** `https://host[:port]` of an endpoint; a path on the same host is the same place. */
function originOf(endpoint: string): string {
  try {
    const origin = new URL(endpoint).origin;
    return origin === 'null' ? endpoint : origin;
  } catch {
    return endpoint;
  }
}
