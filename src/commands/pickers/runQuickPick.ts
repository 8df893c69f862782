import type * as vscode from 'vscode';

/**
 * Shows a quick pick until the user accepts an item that yields a result, or closes it. Typing
 * re-renders; closing aborts whatever the picker was still loading, and disposes it.
 */
export function runQuickPick<T extends vscode.QuickPickItem, R>(
  quickPick: vscode.QuickPick<T>,
  options: { render: () => void; resultOf: (item: T) => R | undefined; abort: AbortController },
): Promise<R | undefined> {
  return new Promise((resolve) => {
    let result: R | undefined;
    quickPick.onDidChangeValue(options.render);
    quickPick.onDidAccept(() => {
      const accepted = quickPick.selectedItems[0];
      result = accepted === undefined ? undefined : options.resultOf(accepted);
      if (result !== undefined) quickPick.hide();
    });
    quickPick.onDidHide(() => {
      options.abort.abort();
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}
