/**
 * The key of a profile (or one region of it) in a cache or in SecretStorage: structural, so no
 * profile name — whatever characters it holds — can spell another profile's region key
 * (`"Prod\nlocal-1"` once read and wrote as profile Prod in region local-1). Pure: no `vscode`.
 */
export function profileRegionKey(profileName: string, region?: string): string {
  return JSON.stringify(region === undefined ? [profileName] : [profileName, region]);
}

/** The profile name a `profileRegionKey` was made from. */
export function profileOfKey(key: string): string {
  return (JSON.parse(key) as [string, string?])[0];
}
