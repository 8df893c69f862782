import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { showError } from '../errors/showError';
import type { FindSession } from '../find/findSession';
import { Disposable } from '../lifecycle/disposable';
import { readPolicyFile, shown } from './policyFile';

/** Events of one save (VS Code's watcher and Node's, several per write) make one re-check. */
const SETTLE_MS = 150;

/**
 * While the Servers view shows a policy check read from a file: watches that file and checks again
 * when it changes. A file that no longer reads is reported and the results shown stay as they were.
 * Stops watching when the check leaves the view (Clear, or a find). A file outside the workspace (the
 * user setting `ecsMetadata.policyFile`) is watched with Node's `fs.watch` on its folder too, since
 * VS Code's watcher does not report it everywhere (not in code-server).
 */
export class PolicyFileWatch extends Disposable {
  private watcher: vscode.Disposable | undefined;
  private settling: ReturnType<typeof setTimeout> | undefined;

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
    const recheck = (): void => {
      clearTimeout(this.settling);
      this.settling = setTimeout(() => void this.recheck(), SETTLE_MS);
    };
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidChange(recheck),
      watcher.onDidCreate(recheck),
      ...(vscode.workspace.getWorkspaceFolder(uri) ? [] : [watchFolder(uri.fsPath, recheck)]),
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
    clearTimeout(this.settling);
    this.settling = undefined;
    this.watcher?.dispose();
    this.watcher = undefined;
  }
}

/**
 * Node's watcher on the file's folder (an editor may save by replacing the file, which a watcher on
 * the file itself loses), reporting events of that file name. A folder that cannot be watched is
 * left unwatched: Refresh still checks again.
 */
function watchFolder(file: string, changed: () => void): vscode.Disposable {
  const name = path.basename(file);
  try {
    const watcher = fs.watch(path.dirname(file), (_event, filename) => {
      if (!filename || filename.toString() === name) changed();
    });
    watcher.on('error', () => watcher.close());
    return { dispose: () => watcher.close() };
  } catch {
    return { dispose: () => undefined };
  }
}
