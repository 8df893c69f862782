/**
 * What a region id looks like: Huawei's ids (cn-north-4, eu-west-101, my-kualalumpur-1, ae-ad-1) and
 * other clouds' (local-1). The same pattern is in package.json's schema for `region`; a test keeps them equal.
 */
export const regionIdPattern = /^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+$/;

/** Huawei Cloud region ids (from the SDK's list), offered by Add Profile; any other id can be typed. */
export const huaweiRegions: readonly string[] = [
  'cn-north-1',
  'cn-north-2',
  'cn-north-4',
  'cn-north-9',
  'cn-north-11',
  'cn-north-12',
  'cn-east-2',
  'cn-east-3',
  'cn-east-4',
  'cn-east-5',
  'cn-south-1',
  'cn-south-2',
  'cn-south-4',
  'cn-southwest-2',
  'cn-southwest-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'af-south-1',
  'af-north-1',
  'sa-brazil-1',
  'la-north-2',
  'la-south-2',
  'na-mexico-1',
  'tr-west-1',
  'me-east-1',
  'ae-ad-1',
  'eu-west-0',
  'eu-west-101',
  'my-kualalumpur-1',
  'ru-moscow-1',
];
