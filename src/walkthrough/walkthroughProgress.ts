import * as vscode from 'vscode';

/** The steps of the Get Started walkthrough (package.json `walkthroughs`). */
export type WalkthroughStep = 'connect' | 'browse' | 'readKey' | 'editKey';

/** The walkthrough's full id (`publisher.name#ecsMetadata.gettingStarted`), once tracking has started. */
let walkthroughId: string | undefined;
const reported = new Set<WalkthroughStep>();

/**
 * Ticks a walkthrough step by what the person did, through VS Code's own "Mark Step Complete"
 * (`welcome.markStepComplete`). Completion events alone leave steps unticked: VS Code starts its
 * walkthrough service only when a walkthrough is first shown, so events before that are lost, and
 * it never sees a command the extension host runs itself (a tree click's, the panel's Copy). That
 * command stores the tick even before the service has registered the steps (it then rejects).
 */
export function walkthroughStepDone(step: WalkthroughStep): void {
  if (walkthroughId === undefined || reported.has(step)) return;
  reported.add(step);
  Promise.resolve(
    vscode.commands.executeCommand('welcome.markStepComplete', `${walkthroughId}#${step}`),
  ).catch(() => undefined);
}

/**
 * Starts ticking steps for the extension `extensionId`: "browse" once the Servers view is shown,
 * "editKey" once metadata is written (the others are ticked where they happen).
 */
export function trackWalkthrough(
  extensionId: string,
  view: vscode.TreeView<unknown>,
  writer: { readonly onDidWrite: vscode.Event<unknown> },
): vscode.Disposable {
  walkthroughId = `${extensionId}#ecsMetadata.gettingStarted`;
  if (view.visible) walkthroughStepDone('browse');
  return vscode.Disposable.from(
    view.onDidChangeVisibility(({ visible }) => {
      if (visible) walkthroughStepDone('browse');
    }),
    writer.onDidWrite(() => walkthroughStepDone('editKey')),
  );
}
