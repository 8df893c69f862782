import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import {
  parseCachedTemporaryKey,
  parseCachedToken,
  type CachedTemporaryKey,
  type CachedToken,
  type TokenCache,
} from '../core';
import type { Profile } from '../profiles/profile';
import { profileRegionKey } from '../profiles/profileRegionKey';
import { bindingFingerprint, bindingOf } from './credentialBinding';
import type { Credentials } from './credentials';
import type { ProfileKeyCache } from './profileKeyCache';

const prefix = 'ecsMetadata.token/';
/** Temporary AK/SK of `temporary` and `agency` profiles (with the project id looked up for them). */
const keyPrefix = 'ecsMetadata.temporaryKeys/';

/**
 * IAM tokens of password profiles (and of `temporary` ones signing in with a password) kept in
 * SecretStorage between runs, one entry per profile (per region, in a profile of several regions:
 * each region's project has its own token): `{ issuedFor, token }`. `issuedFor` identifies the
 * endpoints, account, user and password the token was issued for; a profile whose settings or
 * credentials no longer match never gets the token, and the entry is deleted when it is read that
 * way. The temporary AK/SK of `temporary` and `agency` profiles are kept the same way, under their
 * own prefix (see `keyCacheFor`).
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

  /**
   * The core's temporary-key cache of a `temporary` or `agency` profile as it is now, with these
   * credentials (an agency's: its source's, `source` being that profile), in `region`. The entry also
   * keeps the project id looked up for the profile, so a restart needs no lookup either.
   */
  keyCacheFor(
    profile: Profile,
    credentials: Credentials,
    source: Profile | undefined,
    region?: string,
  ): ProfileKeyCache {
    const key = keyOf(profile.name, region, keyPrefix);
    const issuedFor = keysIssuedForId(profile, credentials, source, region);
    // Read once per cache (one client); afterwards this copy is the truth and every change is written.
    let entry: KeptKeys | undefined;
    const read = async (): Promise<KeptKeys> => {
      if (entry) return entry;
      const raw = await this.secrets.get(key);
      const parsed = raw === undefined ? undefined : parseKeyEntry(raw);
      if (raw !== undefined && parsed?.issuedFor !== issuedFor) await this.secrets.delete(key);
      entry = parsed?.issuedFor === issuedFor ? parsed.kept : {};
      return entry;
    };
    // One write at a time, each of the entry as it is when its turn comes: the last one wins.
    let writing: Promise<void> = Promise.resolve();
    const write = (kept: KeptKeys): Promise<void> => {
      const next = writing.then(async () => {
        if (!kept.key && !kept.projectId) await this.secrets.delete(key);
        else await this.secrets.store(key, JSON.stringify({ issuedFor, ...kept }));
      });
      writing = next.catch(() => undefined);
      return next;
    };
    return {
      load: async () => (await read()).key,
      save: async (temporaryKey: CachedTemporaryKey) => {
        const kept = await read();
        kept.key = temporaryKey;
        await write(kept);
      },
      clear: async () => {
        const kept = await read();
        delete kept.key;
        await write(kept);
      },
      projectId: async () => (await read()).projectId,
      noteProjectId: async (projectId: string) => {
        const kept = await read();
        if (kept.projectId === projectId) return;
        kept.projectId = projectId;
        await write(kept);
      },
    };
  }

  /**
   * Drops a profile's kept tokens and temporary keys, its regions' too (its credentials changed, or
   * the profile is gone).
   */
  async forget(profileName: string, regions: readonly string[] = []): Promise<void> {
    try {
      for (const kind of [prefix, keyPrefix]) {
        for (const region of [undefined, ...regions])
          await this.secrets.delete(keyOf(profileName, region, kind));
      }
    } catch {
      // No keyring: nothing was kept either.
    }
  }
}

function keyOf(profileName: string, region?: string, kind = prefix): string {
  return kind + profileRegionKey(profileName, region);
}

/** One-way id of where a token belongs; the password takes part so new credentials mean a new token. */
function issuedForId(profile: Profile, password: string): string {
  return createHash('sha256')
    .update(`${bindingFingerprint(bindingOf(profile))}\n${profile.projectId ?? ''}\n${password}`)
    .digest('hex');
}

/**
 * One-way id of everything temporary keys were issued for: the profile's endpoints, account, user,
 * project and lifetime; an agency's account, name and session user and its source profile's
 * endpoints, account, user and scope; the region; and the stored secret they were obtained with.
 * Any change means new keys.
 */
function keysIssuedForId(
  profile: Profile,
  credentials: Credentials,
  source: Profile | undefined,
  region: string | undefined,
): string {
  const signIn = (p: Profile | undefined) =>
    p
      ? [
          bindingFingerprint(bindingOf(p)),
          p.name,
          p.ecsEndpoint,
          p.iamEndpoint,
          p.domain ?? null,
          p.domainId ?? null,
          p.user ?? null,
          p.projectId ?? null,
          p.projectName ?? null,
          p.region ?? null,
        ]
      : null;
  const secret = JSON.stringify(credentials, Object.keys(credentials).sort());
  const agency = [profile.sourceProfile, profile.agencyDomain, profile.agencyName, profile.sessionUser];
  const parts = [
    signIn(profile),
    profile.durationSeconds ?? null,
    agency,
    signIn(source),
    region ?? null,
    secret,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** What a temporary-keys entry keeps besides its `issuedFor`. */
interface KeptKeys {
  key?: CachedTemporaryKey;
  projectId?: string;
}

function parseKeyEntry(raw: string): { issuedFor: string; kept: KeptKeys } | undefined {
  try {
    const value = JSON.parse(raw) as { issuedFor?: unknown; key?: unknown; projectId?: unknown };
    if (typeof value.issuedFor !== 'string') return undefined;
    const key = parseCachedTemporaryKey(value.key);
    const kept: KeptKeys = {
      ...(key ? { key } : {}),
      ...(typeof value.projectId === 'string' && value.projectId ? { projectId: value.projectId } : {}),
    };
    return { issuedFor: value.issuedFor, kept };
  } catch {
    return undefined;
  }
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
