import * as vscode from 'vscode';
import { authTypes, type Profile, type ProfileSetting, type ServerRef } from './profile';
import { profileNameProblem } from '../core';
import { Disposable } from '../lifecycle/disposable';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';
import { resolveProfile } from './resolveProfile';
import { walkthroughStepDone } from '../walkthrough/walkthroughProgress';

/**
 * The `ecsMetadata.profiles` setting as a list of profiles. Writes go to user (global) settings:
 * profiles describe the user's clouds, not a workspace. Secrets never pass through here.
 */
export class ProfileStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor() {
    super();
    this.register(onDidChangeSetting([Setting.profiles], () => this.changed.fire()));
  }

  list(): Profile[] {
    return this.settings().map(resolveProfile);
  }

  get(name: string): Profile | undefined {
    const setting = this.settings().find((p) => p.name === name);
    return setting ? resolveProfile(setting) : undefined;
  }

  async add(profile: ProfileSetting): Promise<void> {
    const all = this.globalSettings();
    if (all.some((p) => p.name === profile.name)) {
      throw new Error(vscode.l10n.t('A profile named "{0}" already exists.', profile.name));
    }
    await this.write([...all, profile]);
    walkthroughStepDone('connect');
  }

  /** Replaces the stored entry of `name` with the result of `change`. */
  async update(name: string, change: (current: ProfileSetting) => ProfileSetting): Promise<void> {
    const all = this.globalSettings();
    const index = all.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(vscode.l10n.t('No profile named "{0}" in user settings.', name));
    const next = [...all];
    next[index] = change(all[index]);
    await this.write(next);
  }

  async remove(name: string): Promise<void> {
    await this.write(this.globalSettings().filter((p) => p.name !== name));
  }

  async addServer(profileName: string, server: ServerRef): Promise<void> {
    await this.update(profileName, (p) => {
      const servers = (p.servers ?? []).filter((s) => s.id !== server.id);
      return { ...p, servers: [...servers, server] };
    });
  }

  async removeServer(profileName: string, serverId: string): Promise<void> {
    await this.update(profileName, (p) => ({
      ...p,
      servers: (p.servers ?? []).filter((s) => s.id !== serverId),
    }));
  }

  /**
   * The effective list (workspace may override user settings); malformed entries are skipped, a name
   * with a control character among them (the settings editor says why, from the schema's pattern).
   */
  private settings(): ProfileSetting[] {
    return sanitize(settings.profiles());
  }

  private globalSettings(): ProfileSetting[] {
    return sanitize(settings.userProfiles());
  }

  private async write(profiles: ProfileSetting[]): Promise<void> {
    await settings.writeUserProfiles(profiles.length > 0 ? profiles : undefined);
  }
}

function sanitize(value: unknown): ProfileSetting[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is ProfileSetting =>
      typeof p === 'object' &&
      p !== null &&
      profileNameProblem((p as ProfileSetting).name) === undefined &&
      authTypes.includes((p as ProfileSetting).auth),
  );
}
