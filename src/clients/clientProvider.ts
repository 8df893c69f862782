import * as vscode from 'vscode';
import type { EcsClient, RequestEvent } from '../core';
import { bindingChanges, bindingFingerprint, bindingOf } from '../credentials/credentialBinding';
import type { CredentialStore } from '../credentials/credentialStore';
import type { ProfileTokenStore } from '../credentials/profileTokenStore';
import { agencyMovedMessage, endpointsChangedMessage } from '../credentials/endpointsChangedMessage';
import { Disposable } from '../lifecycle/disposable';
import { SetupError, unknownProfileError } from '../errors/setupError';
import { formatRequestEvent } from '../log/formatRequestEvent';
import type { Log } from '../log/log';
import type { Credentials } from '../credentials/credentials';
import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import { createProfileClient } from './createProfileClient';
import { agencySourceProblem } from './profileAuth';
import { profileOfKey, profileRegionKey } from '../profiles/profileRegionKey';
import { regionalProfile } from './regionalProfile';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';

/**
 * One core client per profile (per region, in a profile of several regions), built on first use
 * from settings and secrets and kept until either changes (a client holds its token cache and
 * keep-alive agent, so reuse matters). Project ids looked up for a region are kept in memory, so
 * each is looked up once even when a settings change rebuilds the clients.
 */
export class ClientProvider extends Disposable {
  private readonly clients = new Map<string, Promise<EcsClient>>();
  /** Compute endpoints found in service catalogs, by profile (and region). */
  private readonly catalogEndpoints = new Map<string, string>();
  /** Project ids looked up, by profile and region, for the binding they were looked up with. */
  private readonly projectIds = new Map<string, { binding: string; projectId: string }>();
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
        // Agency profiles act with their source profile's credentials.
        const affected = new Set([
          name,
          ...profiles
            .list()
            .filter((p) => p.auth === 'agency' && p.sourceProfile === name)
            .map((p) => p.name),
        ]);
        for (const key of [...this.clients.keys()])
          if (affected.has(profileOfKey(key))) this.clients.delete(key);
        for (const key of [...this.projectIds.keys()])
          if (profileOfKey(key) === name) this.projectIds.delete(key);
        // A token (or temporary keys) issued for the old credentials is not kept for the new ones;
        // nor are the keys of the agencies they were the source of.
        for (const profile of affected) void tokens?.forget(profile, profiles.get(profile)?.regions);
      }),
    );
    this.register(onDidChangeSetting([Setting.requestTimeoutSeconds], () => this.clients.clear()));
  }

  /**
   * The client of a profile; of one of its regions when it has several (`region` is then needed).
   * Rejects with a SetupError (unknown profile or region, missing credentials, keyring) the UI can act on.
   */
  get(profileName: string, region?: string): Promise<EcsClient> {
    const profile = this.profiles.get(profileName);
    // A profile of one region has one client, whether its region is named or not.
    if (profile && profile.regions.length <= 1) {
      try {
        regionalProfile(profile, region);
      } catch (error) {
        return Promise.reject(error);
      }
      region = undefined;
    }
    const key = profileRegionKey(profileName, region);
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(profileName, region);
      this.clients.set(key, client);
      // A failed build is not cached: the next call tries again (after the user fixed the cause).
      client.catch(() => {
        if (this.clients.get(key) === client) this.clients.delete(key);
      });
    }
    return client;
  }

  /**
   * What to ask `get` for to cover the whole profile: each region of a profile of several regions,
   * else the profile itself (undefined).
   */
  regionsOf(profileName: string): (string | undefined)[] {
    const regions = this.profiles.get(profileName)?.regions ?? [];
    return regions.length > 1 ? regions : [undefined];
  }

  /** Hook for every client's requests: one log line each. */
  readonly onRequest = (event: RequestEvent): void => {
    const line = formatRequestEvent(event);
    if (event.error !== undefined) this.log.error(line);
    else this.log.info(line);
  };

  /** The compute endpoint the service catalog named for this profile (region), once its client was built. */
  catalogEndpoint(profileName: string, region?: string): string | undefined {
    return this.catalogEndpoints.get(profileRegionKey(profileName, region));
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
          ? agencySourceProblem(profile.name, source.name)
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

  /**
   * An agency's temporary keys go to its own ECS endpoint: the first use binds the profile to it, and
   * one moved in settings since gets nothing until the person confirms (Confirm Changed Endpoints).
   */
  private async checkAgencyBinding(profile: Profile): Promise<void> {
    const now = bindingOf(profile);
    const bound = await this.credentials.agencyBinding(profile.name);
    if (!bound) {
      await this.credentials.bindAgency(profile.name, now);
      return;
    }
    const changes = bindingChanges(bound, now);
    if (changes.length > 0) {
      throw new SetupError('endpointsChanged', agencyMovedMessage(profile.name, changes), profile.name);
    }
  }

  private async create(profileName: string, region: string | undefined): Promise<EcsClient> {
    const profile = this.profiles.get(profileName);
    if (!profile) {
      throw unknownProfileError(profileName);
    }
    const source = profile.auth === 'agency' ? await this.agencySource(profile) : undefined;
    if (source) await this.checkAgencyBinding(profile);
    const credentials = source ? source.credentials : await this.credentialsOf(profile);
    const inRegion = regionalProfile(profile, region);
    const key = profileRegionKey(profileName, region);
    const boundTo = bindingFingerprint(bindingOf(profile));
    return createProfileClient(inRegion, credentials, {
      ...(source ? { source: source.profile } : {}),
      timeoutMs: settings.requestTimeoutMs(),
      onRequest: this.onRequest,
      ...(this.tokens ? { tokens: this.tokens } : {}),
      ...(region !== undefined ? { region } : {}),
      projectIds: {
        known: () => {
          const kept = this.projectIds.get(key);
          return kept?.binding === boundTo ? kept.projectId : undefined;
        },
        found: (projectId) => this.projectIds.set(key, { binding: boundTo, projectId }),
      },
      onEndpointFromCatalog: (endpoint) => {
        this.log.info(
          vscode.l10n.t(
            'Profile "{0}": compute endpoint {1}, from the service catalog.',
            profileName,
            endpoint,
          ),
        );
        const known = this.catalogEndpoints.get(key);
        this.catalogEndpoints.set(key, endpoint);
        if (known !== endpoint) this.endpointFound.fire(profileName);
      },
    });
  }
}
