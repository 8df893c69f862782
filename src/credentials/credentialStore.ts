import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';
import { SetupError } from '../errors/setupError';
import { parseCredentials, type Credentials } from './credentials';

const prefix = 'ecsMetadata.profile/';

/**
 * Profile secrets in VS Code's SecretStorage (the OS keyring), one JSON entry per profile.
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

  async get(profileName: string): Promise<Credentials | undefined> {
    const raw = await this.guard(() => this.secrets.get(prefix + profileName));
    if (raw === undefined) return undefined;
    try {
      return parseCredentials(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  async set(profileName: string, credentials: Credentials): Promise<void> {
    await this.guard(() => this.secrets.store(prefix + profileName, JSON.stringify(credentials)));
  }

  async delete(profileName: string): Promise<void> {
    await this.guard(() => this.secrets.delete(prefix + profileName));
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

export function keyringMessage(): string {
  return vscode.l10n.t(
    'VS Code could not use the system keyring (SecretStorage), so credentials cannot be stored or read. On Linux, install and unlock a Secret Service provider such as gnome-keyring or KWallet, then restart VS Code. Credentials are never saved in settings instead.',
  );
}
