import type * as vscode from 'vscode';
import { settings } from '../settings/settings';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';

/**
 * `ecsMetadata.maskValues` / `ecsMetadata.unmaskValues`: the view-title toggle of the
 * `ecsMetadata.maskValues` user setting (package.json shows the one that applies, by the setting).
 * The tree and the panel follow the setting's change event.
 */
export function registerMaskValues(_deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.maskValues, () => settings.writeMaskValues(true));
}

export function registerUnmaskValues(_deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.unmaskValues, () => settings.writeMaskValues(false));
}
