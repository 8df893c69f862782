import type * as vscode from 'vscode';
import type { Log } from '../log/log';
import type { ProfileStore } from '../profiles/profileStore';
import { bindingOf } from './credentialBinding';
import type { CredentialStore } from './credentialStore';
import type { ProfileTokenStore } from './profileTokenStore';

/** In global state: the profiles seen in the settings, and those gone from them with secrets left. */
const KNOWN = 'ecsMetadata.housekeeping.knownProfiles';
const GONE = 'ecsMetadata.housekeeping.goneProfiles';

/**
 * Keeps SecretStorage in step with the `ecsMetadata.profiles` setting. Remove Profile deletes a
 * profile's secrets itself. A profile that leaves the setting any other way (settings.json, Settings
 * Sync, another extension rewriting the setting) keeps its stored credentials for now — a rewrite
 * from outside must not wipe what the person typed — and is noted as gone; when a later start finds it
 * still gone (gone before the restart and at activation), its secrets are deleted, each with a log
 * line, so a profile of the same name added later does not inherit them. Kept IAM tokens and
 * temporary keys, which a sign-in gets again, are dropped at once. At activation, secrets stored by
 * 0.1.0 (without a binding) are bound to their profile as it is now.
 */
export function keepCredentialsInStep(
  profiles: ProfileStore,
  credentials: CredentialStore,
  log: Log,
  tokens: ProfileTokenStore | undefined,
  state: vscode.Memento,
): vscode.Disposable {
  // By name, the regions each profile had: each region of a profile may have kept its own token.
  const regionsByName = (): Map<string, string[]> => new Map(profiles.list().map((p) => [p.name, p.regions]));
  let known = regionsByName();
  /** Gone from the settings in this session (or found gone at this start), their secrets kept so far. */
  const gone = new Set<string>();
  const save = (): void => {
    void state.update(GONE, [...gone]);
    void state.update(KNOWN, [...known.keys()]);
  };
  const note = (name: string): void => {
    void noteGone(name, credentials, log).then((kept) => {
      if (kept && !known.has(name)) gone.add(name);
      save();
    });
  };
  // Gone before the restart and still gone now: deleted. Known last time and missing now: noted.
  for (const name of state.get<string[]>(GONE, [])) if (!known.has(name)) void forget(name, credentials, log);
  for (const name of state.get<string[]>(KNOWN, [])) if (!known.has(name)) note(name);
  save();
  void bindLegacySecrets(profiles, credentials, log);
  return profiles.onDidChange(() => {
    const now = regionsByName();
    const removed = [...known].filter(([name]) => !now.has(name));
    known = now;
    for (const name of [...gone]) if (now.has(name)) gone.delete(name);
    for (const [name, regions] of removed) {
      void tokens?.forget(name, regions);
      note(name);
    }
    save();
  });
}

/** True when the profile that left the settings still has stored credentials (kept until a restart). */
async function noteGone(name: string, credentials: CredentialStore, log: Log): Promise<boolean> {
  try {
    // Remove Profile deletes the secrets itself: nothing left to keep. An agency keeps no secret but
    // its binding (where its keys may go), kept like one so a rewrite cannot move it unasked.
    if ((await credentials.get(name)) === undefined && (await credentials.agencyBinding(name)) === undefined)
      return false;
  } catch {
    return false;
  }
  log.info(
    `Profile "${name}" left the settings without Remove Profile; its stored credentials are kept until VS Code starts again with it still gone (Remove Profile deletes them at once).`,
  );
  return true;
}

async function forget(name: string, credentials: CredentialStore, log: Log): Promise<void> {
  try {
    // An agency's binding goes too: a profile of that name added later is bound on its own first use.
    await credentials.forgetAgency(name);
    if ((await credentials.get(name)) === undefined) return;
    await credentials.delete(name);
    log.info(
      `Profile "${name}" has been gone from the settings since before this start; its stored credentials were deleted.`,
    );
  } catch {
    log.error(`Profile "${name}" is gone from the settings; its stored credentials could not be deleted.`);
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
