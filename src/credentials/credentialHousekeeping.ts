import type * as vscode from 'vscode';
import type { Log } from '../log/log';
import type { ProfileStore } from '../profiles/profileStore';
import { bindingOf } from './credentialBinding';
import type { CredentialStore } from './credentialStore';
import type { ProfileTokenStore } from './profileTokenStore';

/**
 * Keeps SecretStorage in step with the `ecsMetadata.profiles` setting edited by hand (or synced):
 * the secrets of a profile that left the setting are deleted when it leaves, with a log line, so a
 * profile of the same name added later does not inherit them (nor its kept IAM token). At activation, secrets stored by
 * 0.1.0 (without a binding) are bound to their profile as it is now.
 */
export function keepCredentialsInStep(
  profiles: ProfileStore,
  credentials: CredentialStore,
  log: Log,
  tokens?: ProfileTokenStore,
): vscode.Disposable {
  // By name, the regions each profile had: each region of a profile may have kept its own token.
  const regionsByName = (): Map<string, string[]> => new Map(profiles.list().map((p) => [p.name, p.regions]));
  let known = regionsByName();
  void bindLegacySecrets(profiles, credentials, log);
  return profiles.onDidChange(() => {
    const now = regionsByName();
    const removed = [...known].filter(([name]) => !now.has(name));
    known = now;
    for (const [name, regions] of removed) {
      void forget(name, credentials, log);
      void tokens?.forget(name, regions);
    }
  });
}

async function forget(name: string, credentials: CredentialStore, log: Log): Promise<void> {
  try {
    // An agency's binding goes too: a profile of that name added later is bound on its own first use.
    await credentials.forgetAgency(name);
    // Remove Profile deletes the secrets itself; only those left behind are worth a line.
    if ((await credentials.get(name)) === undefined) return;
    await credentials.delete(name);
    log.info(`Profile "${name}" was removed from the settings; its stored credentials were deleted.`);
  } catch {
    log.error(
      `Profile "${name}" was removed from the settings; its stored credentials could not be deleted.`,
    );
  }
}

async function bindLegacySecrets(
  profiles: ProfileStore,
  credentials: CredentialStore,
  log: Log,
): Promise<void> {
  for (const profile of profiles.list()) {
    try {
      const stored = await credentials.get(profile.name);
      if (!stored || stored.boundTo) continue;
      await credentials.set(profile.name, { credentials: stored.credentials, boundTo: bindingOf(profile) });
      log.info(`The stored credentials of profile "${profile.name}" are now bound to its current endpoints.`);
    } catch {
      // No keyring: every use of the profile says so.
    }
  }
}
