/**
 * Answers a multi-step input (Add Profile, Set Credentials) on the very input VS Code shows, as the
 * keyboard would: the value set, then the workbench's own accept command. A step is named either by
 * its number in the step counter or by what it asks (its prompt, or a quick pick's placeholder).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import { eventually } from './fixture';

export type Step = vscode.QuickInput & { value?: string; prompt?: string; placeholder?: string };

/** Step `n` of the counter, or the step that asks exactly this prompt or placeholder. */
export type StepAt = number | string;

/** The step the flow shows once it is at `at`, visible, enabled and not busy. */
export function stepShown(api: ExtensionApi, at: StepAt): Promise<Step> {
  return eventually(
    async () => {
      const input = api.stepInput() as Step | undefined;
      const there =
        typeof at === 'number' ? input?.step === at : (input?.prompt ?? input?.placeholder) === at;
      return input && there && input.enabled && !input.busy ? input : undefined;
    },
    typeof at === 'number' ? `step ${at}` : `an input asking "${at}"`,
  );
}

/** Types `value` into the input box at `at` and presses Enter. */
export async function typeAt(api: ExtensionApi, at: StepAt, value: string): Promise<vscode.InputBox> {
  const box = (await stepShown(api, at)) as vscode.InputBox;
  box.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return box;
}

/**
 * Picks as the keyboard does: types the label to filter, then Enter once the item `label` is active.
 * With `match` 'part', an item whose label contains `label` will do (labels that start with an icon).
 */
export async function pickAt(
  api: ExtensionApi,
  at: StepAt,
  label: string,
  match: 'exact' | 'part' = 'exact',
): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const quickPick = (await stepShown(api, at)) as vscode.QuickPick<vscode.QuickPickItem>;
  const matches = (l: string | undefined): boolean =>
    match === 'exact' ? l === label : (l?.includes(label) ?? false);
  const labels = quickPick.items.map((i) => i.label);
  assert.ok(labels.some(matches), `no item ${label} among ${labels.join(' | ')}`);
  quickPick.value = label;
  await eventually(
    async () => (matches(quickPick.activeItems[0]?.label) ? true : undefined),
    `"${label}" to be the active item`,
  );
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return quickPick;
}

/**
 * Presses Enter on whatever quick input shows until `call` settles, then gives its result: the way
 * to take the first item of each picker a command shows (accepting before a picker's items are
 * there selects nothing and leaves it open, so Enter is pressed again).
 */
export async function acceptUntilSettled<T>(call: Thenable<T>, what: string): Promise<T> {
  const settling = Promise.resolve(call);
  let done = false;
  void settling.finally(() => (done = true)).catch(() => undefined);
  await eventually(async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done ? true : undefined;
  }, what);
  return settling;
}
