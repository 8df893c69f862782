/**
 * Answers a multi-step input (Add Profile, Set Credentials) on the very input VS Code shows, as the
 * keyboard would: the value set, then the workbench's own accept command.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import { eventually } from './fixture';

export type Step = vscode.QuickInput & { value?: string; prompt?: string; placeholder?: string };

/** The step the flow shows once it is step `n`, visible and enabled. */
export function stepShown(api: ExtensionApi, n: number): Promise<Step> {
  return eventually(async () => {
    const input = api.stepInput() as Step | undefined;
    return input && input.step === n && input.enabled && !input.busy ? input : undefined;
  }, `step ${n}`);
}

/** Types `value` into the input box of step `n` and presses Enter. */
export async function typeAt(api: ExtensionApi, n: number, value: string): Promise<vscode.InputBox> {
  const box = (await stepShown(api, n)) as vscode.InputBox;
  box.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return box;
}

/** Picks as the keyboard does: types the label to filter, then Enter once the item `label` is active. */
export async function pickAt(
  api: ExtensionApi,
  n: number,
  label: string,
): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const quickPick = (await stepShown(api, n)) as vscode.QuickPick<vscode.QuickPickItem>;
  const labels = quickPick.items.map((i) => i.label);
  assert.ok(labels.includes(label), `no item ${label} among ${labels.join(' | ')}`);
  quickPick.value = label;
  await eventually(
    async () => (quickPick.activeItems[0]?.label === label ? true : undefined),
    `"${label}" to be the active item`,
  );
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return quickPick;
}
