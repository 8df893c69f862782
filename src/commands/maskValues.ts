import * as vscode from 'vscode';

/**
 * `ecsMetadata.maskValues` / `ecsMetadata.unmaskValues`: the view-title toggle of the
 * `ecsMetadata.maskValues` user setting (package.json shows the one that applies, by the setting).
 * The tree and the panel follow the setting's change event.
 */
export function registerMaskValues(): vscode.Disposable[] {
  const set = (masked: boolean): Thenable<void> =>
    vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('maskValues', masked ? true : undefined, vscode.ConfigurationTarget.Global);
  return [
    vscode.commands.registerCommand('ecsMetadata.maskValues', () => set(true)),
    vscode.commands.registerCommand('ecsMetadata.unmaskValues', () => set(false)),
  ];
}
