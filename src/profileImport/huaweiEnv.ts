/**
 * Huawei Cloud access keys in the environment: `HUAWEICLOUD_SDK_AK/SK` and `CLOUD_SDK_AK/SK` (SDK
 * samples), `HW_ACCESS_KEY/HW_SECRET_KEY/HW_REGION_NAME/HW_PROJECT_ID` (Terraform provider), as one
 * AK/SK profile. A key pair is taken whole from one family, never mixed.
 */
import type { ImportCandidate, SourceScan } from './importCandidate';
import { ENVIRONMENT_ORIGIN } from './openStackEnv';

type Env = Readonly<Record<string, string | undefined>>;

export const HUAWEI_ENV_PROFILE = 'huaweicloud-env';

const PAIRS = [
  ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'],
  ['CLOUD_SDK_AK', 'CLOUD_SDK_SK'],
  ['HW_ACCESS_KEY', 'HW_SECRET_KEY'],
] as const;

export function parseHuaweiEnv(env: Env, name = HUAWEI_ENV_PROFILE): SourceScan {
  const scan: SourceScan = { candidates: [], skipped: [] };
  const pair = PAIRS.find(([ak, sk]) => env[ak] && env[sk]) ?? PAIRS.find(([ak]) => env[ak]);
  const region = env.HW_REGION_NAME;
  const projectId = env.HW_PROJECT_ID;
  if (!pair && !region && !projectId) return scan;
  const candidate: ImportCandidate = { name, source: 'huaweiEnv', origin: ENVIRONMENT_ORIGIN, auth: 'aksk' };
  if (region) candidate.region = region.trim();
  if (projectId) candidate.projectId = projectId.trim();
  const accessKey = pair ? env[pair[0]]?.trim() : undefined;
  const secretKey = pair ? env[pair[1]]?.trim() : undefined;
  if (accessKey && secretKey) {
    const securityToken = pair?.[0] === 'HW_ACCESS_KEY' ? env.HW_SECURITY_TOKEN?.trim() : undefined;
    candidate.secret = { accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
  } else {
    candidate.missingSecret = 'absent';
  }
  scan.candidates.push(candidate);
  return scan;
}
