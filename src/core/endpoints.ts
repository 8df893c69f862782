/** Default Huawei Cloud endpoints for a region; other clouds configure both URLs themselves. */
import { EcsError } from './errors';
import type { RegionEndpoints } from './types';

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function endpointsForRegion(region: string): RegionEndpoints {
  if (!REGION.test(region)) {
    throw new EcsError(
      'invalidInput',
      `"${region.slice(0, 40)}" is not a region id. Region ids look like cn-north-4 or ap-southeast-1.`,
      { problem: { code: 'regionNotId', detail: region.slice(0, 40) } },
    );
  }
  return {
    ecsEndpoint: `https://ecs.${region}.myhuaweicloud.com`,
    iamEndpoint: `https://iam.${region}.myhuaweicloud.com`,
  };
}
