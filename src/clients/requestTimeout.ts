import * as vscode from 'vscode';

/** The `ecsMetadata.requestTimeoutSeconds` setting in milliseconds, kept within sane bounds. */
export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('ecsMetadata').get<number>('requestTimeoutSeconds', 10);
  const bounded = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), 300) : 10;
  return bounded * 1000;
}
