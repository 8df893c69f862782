/**
 * An OpenStack `auth_url` as the IAM endpoint the client wants: the client appends `/v3/auth/tokens`
 * itself, so a trailing `/v3` or `/v2.0` (and slashes) is removed.
 * TODO(integrator): issue 9 adds an endpoint-normalization helper to src/core/endpoints.ts; unify.
 */
export function iamEndpointFromAuthUrl(authUrl: string): string {
  return authUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v(3|2\.0)$/i, '')
    .replace(/\/+$/, '');
}
