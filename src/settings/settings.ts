import * as vscode from 'vscode';
import { DEFAULT_PROTECTED_KEYS } from './protectedKeyDefaults';

const section = 'ecsMetadata';

/** Every setting of the extension, by its full id as package.json declares it. */
export const Setting = {
  profiles: 'ecsMetadata.profiles',
  hideValuePreviews: 'ecsMetadata.hideValuePreviews',
  maskValues: 'ecsMetadata.maskValues',
  protectedKeys: 'ecsMetadata.protectedKeys',
  requestTimeoutSeconds: 'ecsMetadata.requestTimeoutSeconds',
  policyFile: 'ecsMetadata.policyFile',
} as const;

export type Setting = (typeof Setting)[keyof typeof Setting];

/** The key of a setting inside the `ecsMetadata` section. */
function keyOf(setting: Setting): string {
  return setting.slice(section.length + 1);
}

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(section);
}

/** The one place the extension reads and writes its settings. */
export const settings = {
  /** `ecsMetadata.hideValuePreviews`: values stay out of lists shown to onlookers. */
  hideValuePreviews(): boolean {
    return configuration().get<boolean>(keyOf(Setting.hideValuePreviews), false);
  },

  /** `ecsMetadata.maskValues`: values show as •••••• in the tree, the key picker and the panel. */
  maskValues(): boolean {
    return configuration().get<boolean>(keyOf(Setting.maskValues), false);
  },

  /** Writes `ecsMetadata.maskValues` to user settings (off removes it). */
  async writeMaskValues(masked: boolean): Promise<void> {
    await configuration().update(
      keyOf(Setting.maskValues),
      masked ? true : undefined,
      vscode.ConfigurationTarget.Global,
    );
  },

  /** `ecsMetadata.protectedKeys`: globs of the keys the cloud sets itself (entries that are not text are ignored). */
  protectedKeys(): readonly string[] {
    const globs = configuration().get<unknown>(keyOf(Setting.protectedKeys), DEFAULT_PROTECTED_KEYS);
    if (!Array.isArray(globs)) return DEFAULT_PROTECTED_KEYS;
    return globs.filter((glob): glob is string => typeof glob === 'string' && glob !== '');
  },

  /** `ecsMetadata.requestTimeoutSeconds` in milliseconds, kept within sane bounds. */
  requestTimeoutMs(): number {
    const seconds = configuration().get<number>(keyOf(Setting.requestTimeoutSeconds), 10);
    const bounded = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), 300) : 10;
    return bounded * 1000;
  },

  /**
   * `ecsMetadata.policyFile`: the metadata policy's path, from user (or remote machine) settings only,
   * so a workspace cannot point the check at a file of its choosing.
   */
  policyFile(): string {
    const inspected = configuration().inspect<unknown>(keyOf(Setting.policyFile));
    const value = inspected?.globalValue;
    return typeof value === 'string' ? value.trim() : '';
  },

  /** `ecsMetadata.profiles` as VS Code merges it (unchecked: ProfileStore checks each entry). */
  profiles(): unknown {
    return configuration().get<unknown>(keyOf(Setting.profiles));
  },

  /** `ecsMetadata.profiles` in user settings only: the list the extension writes. */
  userProfiles(): unknown {
    return configuration().inspect<unknown>(keyOf(Setting.profiles))?.globalValue;
  },

  /** Writes `ecsMetadata.profiles` to user settings; undefined removes it. */
  async writeUserProfiles(value: unknown[] | undefined): Promise<void> {
    await configuration().update(keyOf(Setting.profiles), value, vscode.ConfigurationTarget.Global);
  },
};

/** Calls `listener` whenever one of `watched` changes (in any scope). */
export function onDidChangeSetting(watched: readonly Setting[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (watched.some((setting) => e.affectsConfiguration(setting))) listener();
  });
}
