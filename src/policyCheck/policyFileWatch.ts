import * as path from 'node:path';
import * as vscode from 'vscode';
import { showError } from '../errors/showError';
import type { FindSession } from '../find/findSession';
import { Disposable } from '../lifecycle/disposable';
import { readPolicyFile, shown } from './policyFile';

/**
 * While the Servers view shows a policy check read from a file: watches that file and checks again
 * when it changes. A file that no longer reads is reported and the results shown stay as they were.
 * Stops watching when the check leaves the view (Clear, or a find).
 */
export class PolicyFileWatch extends Disposable {
  private watcher: vscode.Disposable | undefined;

  constructor(private readonly find: FindSession) {
    super();
    this.register({ dispose: () => this.stop() });
    this.register(
      find.onDidChange((profile) => {
        if (profile === undefined && !find.policyCheck) this.stop();
      }),
    );
  }

  watch(uri: vscode.Uri): void {
    this.stop();
    const pattern = new vscode.RelativePattern(
      vscode.Uri.file(path.dirname(uri.fsPath)),
      path.basename(uri.fsPath),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const recheck = (): void => void this.recheck();
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidChange(recheck),
      watcher.onDidCreate(recheck),
    );
  }

  private async recheck(): Promise<void> {
    if (!this.find.policyCheck) return;
    try {
      const { policy, uri } = await readPolicyFile();
      if (!this.find.policyCheck) return;
      await this.find.recheck({ policy, source: shown(uri) });
    } catch (err) {
      void showError(err);
    }
  }

  private stop(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
  }
}
