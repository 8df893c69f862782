/**
 * The IAM request bodies tests send to the local server or expect the extension to send, built in
 * one place (core, local-server and integration tests alike):
 * - `passwordTokenBody(credentials, project?)`: `POST /v3/auth/tokens`, password sign-in;
 * - `byTokenIdentity(seconds?)`: the identity of `POST /v3.0/OS-CREDENTIAL/securitytokens` buying
 *   temporary AK/SK with a token (or signed with permanent keys);
 * - `assumeRoleIdentity(seconds?, extra?)`: the same route's identity acting through the local agency;
 * - `securityTokensBody(identity)`: a whole securitytokens body around one of those.
 */
import { LOCAL_AGENCY } from './agencies';

/** Who signs in by password. */
export interface PasswordSignIn {
  user: string;
  password: string;
  /** The account (domain) by name. */
  domain: string;
}

/** `POST /v3/auth/tokens` by password; scoped to `project` (`{ id }` or `{ name }`) when given. */
export function passwordTokenBody(signIn: PasswordSignIn, project?: object): object {
  const user = { name: signIn.user, password: signIn.password, domain: { name: signIn.domain } };
  return {
    auth: {
      identity: { methods: ['password'], password: { user } },
      ...(project ? { scope: { project } } : {}),
    },
  };
}

/** The identity that buys temporary AK/SK with a token (or with the permanent keys signing it). */
export function byTokenIdentity(durationSeconds = 900): {
  methods: ['token'];
  token: { duration_seconds: number };
} {
  return { methods: ['token'], token: { duration_seconds: durationSeconds } };
}

/** The identity that acts through the local agency (named by its account's name), `extra` added. */
export function assumeRoleIdentity(
  durationSeconds = 900,
  extra: { session_user?: { name: string } } = {},
): {
  methods: ['assume_role'];
  assume_role: {
    domain_name: string;
    agency_name: string;
    duration_seconds: number;
    session_user?: { name: string };
  };
} {
  return {
    methods: ['assume_role'],
    assume_role: {
      domain_name: LOCAL_AGENCY.domainName,
      agency_name: LOCAL_AGENCY.name,
      duration_seconds: durationSeconds,
      ...extra,
    },
  };
}

/** A whole `POST /v3.0/OS-CREDENTIAL/securitytokens` body. */
export function securityTokensBody(identity: object): object {
  return { auth: { identity } };
}
