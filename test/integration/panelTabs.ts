/** The metadata panel as the workbench sees it: its tabs, found by view type. For the panel suites. */
import * as vscode from 'vscode';

export const panelViewType = 'ecsMetadata.value';

export function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => {
      // Compared by shape: the workbench's TabInputWebview is not always the class this module sees,
      // and its viewType carries a prefix (`mainThreadWebview-ecsMetadata.value`).
      const viewType = (tab.input as { viewType?: unknown } | undefined)?.viewType;
      return typeof viewType === 'string' && viewType.endsWith(panelViewType);
    });
}

/**
 * The panel tabs once `settled` holds for them. The extension host learns about tab changes after
 * the command that caused them has returned, so tests wait for the change event rather than
 * reading the model at once (the mocha timeout bounds the wait).
 */
export function panelTabsWhen(settled: (tabs: vscode.Tab[]) => boolean): Promise<vscode.Tab[]> {
  return new Promise((resolve) => {
    const check = (): void => {
      const tabs = panelTabs();
      if (!settled(tabs)) return;
      subscription.dispose();
      resolve(tabs);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

/** Waits for a panel titled after `key`, and returns every panel tab then open. */
export function panelTabsShowing(key: string): Promise<vscode.Tab[]> {
  return panelTabsWhen((tabs) => tabs.some((tab) => tab.label === `${key} — ECS Metadata`));
}

export async function closePanel(): Promise<void> {
  const tabs = panelTabs();
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  await panelTabsWhen((remaining) => remaining.length === 0);
}
