import type { ProfileStore } from '../profiles/profileStore';
import type { ProfileSetting } from '../profiles/profile';
import { resolveProfile } from '../profiles/resolveProfile';
import { bindingOf } from './credentialBinding';
import type { Credentials } from './credentials';
import type { CredentialStore } from './credentialStore';

/**
 * A new (or, with `replace`, a replacing) settings entry and its secret, as Add Profile and Import
 * save them. The secret goes first, bound to where it is sent, so the tree refresh the new setting
 * triggers finds it; should the settings write then fail, the secret is put back as it was, so none
 * is left behind without its profile. Replacing without a secret drops the old one (it may not
 * fit); without a secret (an agency, which acts with its source's) nothing else is stored.
 */
export async function saveProfileWithSecret(
  stores: { profiles: ProfileStore; credentials: CredentialStore },
  setting: ProfileSetting,
  secret: Credentials | undefined,
  replace = false,
): Promise<void> {
  const { profiles, credentials } = stores;
  const name = setting.name;
  const writeSetting = (): Promise<void> =>
    replace ? profiles.update(name, () => setting) : profiles.add(setting);
  if (!secret && !replace) return writeSetting();
  const previous = await credentials.get(name);
  if (secret)
    await credentials.set(name, { credentials: secret, boundTo: bindingOf(resolveProfile(setting)) });
  else await credentials.delete(name);
  try {
    await writeSetting();
  } catch (err) {
    const restore = previous?.boundTo
      ? credentials.set(name, { credentials: previous.credentials, boundTo: previous.boundTo })
      : credentials.delete(name);
    await restore.catch(
      () => undefined, // The settings failure is the one to report.
    );
    throw err;
  }
}
