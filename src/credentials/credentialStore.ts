import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';
import { SetupError } from '../errors/setupError';
import { parseBinding, type CredentialBinding } from './credentialBinding';
import { parseCredentials, type Credentials } from './credentials';

const prefix = 'ecsMetadata.profile/';
/** An agency profile's binding (it stores no secret of its own): where its temporary keys may go. */
const agencyPrefix = 'ecsMetadata.agency/';

/** The SecretStorage keys under which a profile's credentials and an agency's binding are kept. */
export function credentialSecretKeys(profileName: string): string[] {
  return [prefix + profileName, agencyPrefix + profileName];
}

/** A profile's secrets and where they were entered for. */
export interface StoredCredentials {
  credentials: Credentials;
  /** Undefined only for secrets stored by version 0.1.0, before bindings existed. */
  boundTo?: CredentialBinding;
}

/**
 * Profile secrets in VS Code's SecretStorage (the OS keyring), one JSON entry per profile holding
 * the secrets and their binding (`{ credentials, boundTo }`).
 * When the keyring is unusable this fails loudly: secrets are never written anywhere else.
 */
export class CredentialStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the profile name whose secrets changed (here or in another window). */
  readonly onDidChange: vscode.Event<string> = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(
      secrets.onDidChange((e) => {
        if (e.key.startsWith(prefix)) this.changed.fire(e.key.slice(prefix.length));
      }),
    );
  }

  async get(profileName: string): Promise<StoredCredentials | undefined> {
    const raw = await this.guard(() => this.secrets.get(prefix + profileName));
    if (raw === undefined) return undefined;
    try {
      return parseStored(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  async set(profileName: string, stored: Required<StoredCredentials>): Promise<void> {
    const entry = { credentials: stored.credentials, boundTo: stored.boundTo };
    await this.guard(() => this.secrets.store(prefix + profileName, JSON.stringify(entry)));
  }

  async delete(profileName: string): Promise<void> {
    await this.guard(() => this.secrets.delete(prefix + profileName));
  }

  /**
   * The binding of an agency profile: the ECS endpoint its temporary keys (bought with its source's
   * credentials) were first used with. Undefined when it has none yet.
   */
  async agencyBinding(profileName: string): Promise<CredentialBinding | undefined> {
    const raw = await this.guard(() => this.secrets.get(agencyPrefix + profileName));
    if (raw === undefined) return undefined;
    try {
      // One that does not parse binds to nothing: the profile is asked about, as when it moved.
      return parseBinding(JSON.parse(raw)) ?? { auth: 'agency', ecsOrigin: '' };
    } catch {
      return { auth: 'agency', ecsOrigin: '' };
    }
  }

  async bindAgency(profileName: string, binding: CredentialBinding): Promise<void> {
    await this.guard(() => this.secrets.store(agencyPrefix + profileName, JSON.stringify(binding)));
  }

  async forgetAgency(profileName: string): Promise<void> {
    await this.guard(() => this.secrets.delete(agencyPrefix + profileName));
  }

  /** Turns any keyring failure into one actionable error; the original (which may quote data) is not kept. */
  private async guard<T>(action: () => Thenable<T>): Promise<T> {
    try {
      return await action();
    } catch {
      throw new SetupError('keyring', keyringMessage());
    }
  }
}

/** `{ credentials, boundTo }`, or the bare credentials 0.1.0 stored. */
function parseStored(value: unknown): StoredCredentials | undefined {
  const entry = value as { credentials?: unknown; boundTo?: unknown } | null;
  if (typeof entry === 'object' && entry !== null && 'credentials' in entry) {
    const credentials = parseCredentials(entry.credentials);
    const boundTo = parseBinding(entry.boundTo);
    // A binding that does not parse would let the secrets go anywhere: treat the entry as unusable.
    return credentials && boundTo ? { credentials, boundTo } : undefined;
  }
  const legacy = parseCredentials(value);
  return legacy ? { credentials: legacy } : undefined;
}

export function keyringMessage(): string {
  return vscode.l10n.t(
    'VS Code could not use the system keyring (SecretStorage), so credentials cannot be stored or read. On Linux, install and unlock a Secret Service provider such as gnome-keyring or KWallet, then restart VS Code. Credentials are never saved in settings instead.',
  );
}
