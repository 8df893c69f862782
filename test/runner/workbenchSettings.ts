/**
 * User settings for a throw-away VS Code profile: quiet (no telemetry, welcome page, trust prompt,
 * recommendations, update checks, AI/chat promotions), so tests and screenshots see only the
 * extension. Caller settings win.
 */
export const quietSettings: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
};

export function workbenchSettings(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...quietSettings, ...extra };
}
