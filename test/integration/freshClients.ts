/**
 * A fresh client, as after a restart, without restarting: changing `requestTimeoutSeconds` rebuilds
 * every client, so nothing is left in memory but what the extension keeps (SecretStorage, project ids).
 */
import * as vscode from 'vscode';

/** The user's own `requestTimeoutSeconds`, to put back once the suite is done. */
export function timeoutSetting(): number | undefined {
  return vscode.workspace.getConfiguration('ecsMetadata').inspect<number>('requestTimeoutSeconds')
    ?.globalValue;
}

export async function setTimeoutSetting(seconds: number | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('ecsMetadata')
    .update('requestTimeoutSeconds', seconds, vscode.ConfigurationTarget.Global);
}

/** Rebuilds every client with a new timeout; each call needs a value other than the last one's. */
export async function freshClients(seconds: number): Promise<void> {
  await setTimeoutSetting(seconds);
  // The settings event reaches the extension asynchronously; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
}
