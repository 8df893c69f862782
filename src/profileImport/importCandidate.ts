/**
 * What an import source found: one candidate profile per cloud / KooCLI profile / set of variables,
 * or the reason an entry was left out. Pure data; the VS Code layer words the codes.
 */

export type ImportSource = 'cloudsYaml' | 'osEnv' | 'koocli' | 'huaweiEnv';

/** A profile's secret as found, shaped like the extension's stored credentials. */
export type ImportedSecret =
  { accessKey: string; secretKey: string; securityToken?: string } | { password: string } | { token: string };

/** Why a secret did not come along; the user is asked for it after the import. */
export type MissingSecret = 'encrypted' | 'absent';

export interface ImportCandidate {
  /** The name the profile gets unless the user picks another. */
  name: string;
  source: ImportSource;
  /** Where it was found: a file path, or the environment. */
  origin: string;
  auth: 'aksk' | 'password' | 'token' | 'agency';
  /** An agency profile (KooCLI `ecsAgency`): whose credentials act, through which agency. */
  agency?: { sourceProfile: string; agencyDomain: string; agencyName: string };
  region?: string;
  iamEndpoint?: string;
  ecsEndpoint?: string;
  projectId?: string;
  projectName?: string;
  /** The user's domain (account) name. */
  domain?: string;
  /** The user's domain by id, when the source names it only so (`user_domain_id`). */
  domainId?: string;
  user?: string;
  secret?: ImportedSecret;
  missingSecret?: MissingSecret;
  /** The source's default entry (OS_CLOUD, KooCLI `current`). */
  isDefault?: boolean;
  /** A CA bundle the source names; Node trusts it only through NODE_EXTRA_CA_CERTS. */
  cacert?: string;
}

export type SkipReason =
  /** `verify: false`: TLS checks stay on here. */
  | 'verifyDisabled'
  /** KooCLI `SSO`, or an OpenStack auth_type other than password/token. */
  | 'unsupportedMode'
  /** Domain given only by id; the profile needs its name. */
  | 'domainIdOnly'
  /** Required fields are missing (`detail` lists them). */
  | 'incomplete'
  /** Asked for by name (script form), but the file has no such entry. */
  | 'notInFile'
  /** The file's entry of that name is not a mapping of settings. */
  | 'notMapping';

export interface SkippedEntry {
  name: string;
  source: ImportSource;
  origin: string;
  reason: SkipReason;
  /** The mode, auth type, domain id or missing fields, as found in the file. */
  detail?: string;
}

export interface SourceScan {
  candidates: ImportCandidate[];
  skipped: SkippedEntry[];
}
