import * as vscode from 'vscode';
import type { MetadataWriter } from '../metadata/metadataWriter';
import type { TreeNode } from '../tree/treeNode';

/** The steps of the Get Started walkthrough (package.json `walkthroughs`). */
export type WalkthroughStep = 'connect' | 'browse' | 'readKey' | 'editKey';

/** The context key that completes `step`: its `onContext:` completion event in package.json. */
export function walkthroughContextKey(step: WalkthroughStep): string {
  return `ecsMetadata.walkthrough.${step}Done`;
}

const reported = new Set<WalkthroughStep>();

/**
 * Ticks a walkthrough step by what the person did. VS Code starts its walkthrough service only
 * when a walkthrough is first shown, and never sees a command the extension host runs itself (a
 * tree click's, the panel's Copy): events before that are lost. A context key is not: the service
 * reads each step's keys when it starts, and watches them after.
 */
export function walkthroughStepDone(step: WalkthroughStep): void {
  if (reported.has(step)) return;
  reported.add(step);
  void vscode.commands.executeCommand('setContext', walkthroughContextKey(step), true);
}

/** Ticks "browse" once the Servers view is shown, and "editKey" once metadata is written. */
export function trackWalkthrough(view: vscode.TreeView<TreeNode>, writer: MetadataWriter): vscode.Disposable {
  if (view.visible) walkthroughStepDone('browse');
  return vscode.Disposable.from(
    view.onDidChangeVisibility(({ visible }) => {
      if (visible) walkthroughStepDone('browse');
    }),
    writer.onDidWrite(() => walkthroughStepDone('editKey')),
  );
}
