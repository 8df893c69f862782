/**
 * The `OS_*` variables of an OpenStack RC file, as one cloud named `OS_CLOUD_NAME` or `envvars`
 * (the name openstacksdk gives it).
 */
import type { SourceScan } from './importCandidate';
import { isSkipped, openStackCloud } from './openStackCloud';

type Env = Readonly<Record<string, string | undefined>>;

export const ENVIRONMENT_ORIGIN = 'environment';

export function parseOpenStackEnv(env: Env): SourceScan {
  const scan: SourceScan = { candidates: [], skipped: [] };
  if (!env.OS_AUTH_URL && !env.OS_USERNAME && !env.OS_PASSWORD && !env.OS_TOKEN) return scan;
  const cloud = {
    auth: {
      auth_url: env.OS_AUTH_URL,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD,
      token: env.OS_TOKEN,
      project_id: env.OS_PROJECT_ID ?? env.OS_TENANT_ID,
      project_name: env.OS_PROJECT_NAME ?? env.OS_TENANT_NAME,
      user_domain_name: env.OS_USER_DOMAIN_NAME,
      user_domain_id: env.OS_USER_DOMAIN_ID,
      project_domain_name: env.OS_PROJECT_DOMAIN_NAME,
      project_domain_id: env.OS_PROJECT_DOMAIN_ID,
      domain_name: env.OS_DOMAIN_NAME,
    },
    auth_type: env.OS_AUTH_TYPE,
    region_name: env.OS_REGION_NAME,
    cacert: env.OS_CACERT,
    insecure: env.OS_INSECURE,
  };
  const found = openStackCloud(env.OS_CLOUD_NAME || 'envvars', cloud, 'osEnv', ENVIRONMENT_ORIGIN);
  if (isSkipped(found)) scan.skipped.push(found);
  else scan.candidates.push(found);
  return scan;
}
