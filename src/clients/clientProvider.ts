import * as vscode from 'vscode';
import type { EcsClient, RequestEvent } from '../core';
import { bindingChanges, bindingOf } from '../credentials/credentialBinding';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ProfileTokenStore } from '../credentials/profileTokenStore';
import { endpointsChangedMessage } from '../credentials/endpointsChangedMessage';
import { Disposable } from '../lifecycle/disposable';
import { SetupError } from '../errors/setupError';
import { formatRequestEvent } from '../log/formatRequestEvent';
import type { Log } from '../log/log';
import type { Credentials } from '../credentials/credentials';
import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import { createProfileClient } from './createProfileClient';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';

/**
 * One core client per profile, built on first use from settings and secrets and kept until either
 * changes (a client holds its token cache and keep-alive agent, so reuse matters).
 */
export class ClientProvider extends Disposable {
  private readonly clients = new Map<string, Promise<EcsClient>>();
  /** Compute endpoints found in service catalogs, by profile. */
  private readonly catalogEndpoints = new Map<string, string>();
  private readonly endpointFound = this.register(new vscode.EventEmitter<string>());
  /** Fires with the profile name when its compute endpoint was found in a service catalog. */
  readonly onDidFindEndpoint: vscode.Event<string> = this.endpointFound.event;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly credentials: CredentialStore,
    private readonly log: Log,
    private readonly tokens?: ProfileTokenStore,
  ) {
    super();
    this.register(profiles.onDidChange(() => this.clients.clear()));
    this.register(
      credentials.onDidChange((name) => {
        this.clients.delete(name);
        // Agency profiles act with their source profile's credentials.
        for (const profile of profiles.list()) {
          if (profile.auth === 'agency' && profile.sourceProfile === name) this.clients.delete(profile.name);
        }
        // A token issued for the old credentials is not kept for the new ones.
        void tokens?.forget(name);
      }),
    );
    this.register(onDidChangeSetting([Setting.requestTimeoutSeconds], () => this.clients.clear()));
  }

  /** Rejects with a SetupError (unknown profile, missing credentials, keyring) the UI can act on. */
  get(profileName: string): Promise<EcsClient> {
    let client = this.clients.get(profileName);
    if (!client) {
      client = this.create(profileName);
      this.clients.set(profileName, client);
      // A failed build is not cached: the next call tries again (after the user fixed the cause).
      client.catch(() => {
        if (this.clients.get(profileName) === client) this.clients.delete(profileName);
      });
    }
    return client;
  }

  /** Hook for every client's requests: one log line each. */
  readonly onRequest = (event: RequestEvent): void => {
    const line = formatRequestEvent(event);
    if (event.error !== undefined) this.log.error(line);
    else this.log.info(line);
  };

  /** The compute endpoint the service catalog named for this profile, once its client was built. */
  catalogEndpoint(profileName: string): string | undefined {
    return this.catalogEndpoints.get(profileName);
  }

  override dispose(): void {
    super.dispose();
    this.clients.clear();
  }

  /**
   * A profile's stored credentials, only where they were entered for: an endpoint edited in
   * settings.json, a synced snippet or a same-named profile pointing elsewhere gets nothing until
   * the user confirms. (Secrets of 0.1.0 carry no binding; activation binds them to the profile as
   * it was then.)
   */
  async credentialsOf(profile: Profile): Promise<Credentials> {
    const stored = await this.credentials.get(profile.name);
    if (!stored) {
      throw new SetupError(
        'missingCredentials',
        vscode.l10n.t('Profile "{0}" has no credentials yet.', profile.name),
        profile.name,
      );
    }
    const changes = stored.boundTo ? bindingChanges(stored.boundTo, bindingOf(profile)) : [];
    if (changes.length > 0) {
      throw new SetupError('endpointsChanged', endpointsChangedMessage(profile.name, changes), profile.name);
    }
    return stored.credentials;
  }

  /** The source profile of an agency profile and its credentials, or the SetupError that says what is missing. */
  async agencySource(profile: Profile): Promise<{ profile: Profile; credentials: Credentials }> {
    const source = profile.sourceProfile ? this.profiles.get(profile.sourceProfile) : undefined;
    if (!source || source.auth === 'agency') {
      throw new SetupError(
        'incompleteProfile',
        source
          ? vscode.l10n.t(
              'Profile "{0}" acts through an agency with the credentials of profile "{1}", which must sign in with a password or a token (with its IAM endpoint or region, and its project id or region).',
              profile.name,
              source.name,
            )
          : vscode.l10n.t(
              'Profile "{0}" acts through an agency with the credentials of profile "{1}", which does not exist.',
              profile.name,
              profile.sourceProfile ?? '',
            ),
        profile.name,
      );
    }
    return { profile: source, credentials: await this.credentialsOf(source) };
  }

  private async create(profileName: string): Promise<EcsClient> {
    const profile = this.profiles.get(profileName);
    if (!profile) {
      throw new SetupError(
        'unknownProfile',
        vscode.l10n.t('There is no profile named "{0}" in the ecsMetadata.profiles setting.', profileName),
        profileName,
      );
    }
    const source = profile.auth === 'agency' ? await this.agencySource(profile) : undefined;
    const credentials = source ? source.credentials : await this.credentialsOf(profile);
    return createProfileClient(profile, credentials, {
      ...(source ? { source: source.profile } : {}),
      timeoutMs: settings.requestTimeoutMs(),
      onRequest: this.onRequest,
      ...(this.tokens ? { tokens: this.tokens } : {}),
      onEndpointFromCatalog: (endpoint) => {
        this.log.info(
          vscode.l10n.t(
            'Profile "{0}": compute endpoint {1}, from the service catalog.',
            profileName,
            endpoint,
          ),
        );
        const known = this.catalogEndpoints.get(profileName);
        this.catalogEndpoints.set(profileName, endpoint);
        if (known !== endpoint) this.endpointFound.fire(profileName);
      },
    });
  }
}
