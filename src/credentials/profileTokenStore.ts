import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import { parseCachedToken, type CachedToken, type TokenCache } from '../core';
import type { Profile } from '../profiles/profile';
import { bindingFingerprint, bindingOf } from './credentialBinding';

const prefix = 'ecsMetadata.token/';

/**
 * IAM tokens of password profiles kept in SecretStorage between runs, one entry per profile (per
 * region, in a profile of several regions: each region's project has its own token):
 * `{ issuedFor, token }`. `issuedFor` identifies the endpoints, account, user and password the token
 * was issued for; a profile whose settings or credentials no longer match never gets the token,
 * and the entry is deleted when it is read that way.
 */
export class ProfileTokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The core's token cache for this profile as it is now, with this password (and in `region`). */
  cacheFor(profile: Profile, password: string, region?: string): TokenCache {
    const key = keyOf(profile.name, region);
    const issuedFor = issuedForId(profile, password);
    return {
      load: async () => {
        const raw = await this.secrets.get(key);
        if (raw === undefined) return undefined;
        const entry = parseEntry(raw);
        if (entry?.issuedFor === issuedFor) return entry.token;
        await this.secrets.delete(key);
        return undefined;
      },
      save: async (token: CachedToken) => {
        await this.secrets.store(key, JSON.stringify({ issuedFor, token }));
      },
      clear: async () => {
        await this.secrets.delete(key);
      },
    };
  }

  /** Drops a profile's kept tokens, its regions' too (its credentials changed, or the profile is gone). */
  async forget(profileName: string, regions: readonly string[] = []): Promise<void> {
    try {
      await this.secrets.delete(keyOf(profileName));
      for (const region of regions) await this.secrets.delete(keyOf(profileName, region));
    } catch {
      // No keyring: nothing was kept either.
    }
  }
}

function keyOf(profileName: string, region?: string): string {
  return region === undefined ? prefix + profileName : `${prefix}${profileName}\n${region}`;
}

/** One-way id of where a token belongs; the password takes part so new credentials mean a new token. */
function issuedForId(profile: Profile, password: string): string {
  return createHash('sha256')
    .update(`${bindingFingerprint(bindingOf(profile))}\n${profile.projectId ?? ''}\n${password}`)
    .digest('hex');
}

function parseEntry(raw: string): { issuedFor: string; token: CachedToken } | undefined {
  try {
    const value = JSON.parse(raw) as { issuedFor?: unknown; token?: unknown };
    const token = parseCachedToken(value.token);
    return typeof value.issuedFor === 'string' && token ? { issuedFor: value.issuedFor, token } : undefined;
  } catch {
    return undefined;
  }
}
