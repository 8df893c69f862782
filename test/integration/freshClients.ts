/**
 * A fresh client, as after a restart, without restarting: changing `requestTimeoutSeconds` rebuilds
 * every client, so nothing is left in memory but what the extension keeps (SecretStorage, project ids).
 */
import { withSetting } from './support/testSetup';

/**
 * Rebuilds every client with a new timeout; each call needs a value other than the last one's. The
 * test set-up puts the setting back after the test.
 */
export async function freshClients(seconds: number): Promise<void> {
  await withSetting('requestTimeoutSeconds', seconds);
  // The settings event reaches the extension asynchronously; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
}
