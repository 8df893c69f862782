/**
 * The default of `ecsMetadata.protectedKeys`: the system keys Huawei documents. `*` matches any run
 * of characters. package.json declares the same list (a core test keeps them equal); no `vscode`
 * import, so plain-Node tests read it too.
 */
export const DEFAULT_PROTECTED_KEYS: readonly string[] = [
  'agency_name',
  'charging_mode',
  'metering.*',
  'vpc_id',
  'EcmResStatus',
  'image_name',
  'os_bit',
  'os_type',
  'lock*',
  'virtual_env_type',
  'cascaded.instance_extrainfo',
  '__support_agent_list',
];
