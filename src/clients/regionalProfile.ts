import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import type { Profile } from '../profiles/profile';
import { profileInRegion } from '../profiles/profileInRegion';

/**
 * The profile a client is built for: a profile of several regions must be told which (a script's
 * `region`, the tree's region node, a picker's pick), and only one of its own; a profile of one
 * region takes its own region or none.
 */
export function regionalProfile(profile: Profile, region: string | undefined): Profile {
  if (region === undefined) {
    if (profile.regions.length <= 1) return profile;
    throw new InputError(
      vscode.l10n.t(
        'Profile "{0}" has several regions ({1}): name one with "region".',
        profile.name,
        profile.regions.join(', '),
      ),
    );
  }
  if (!profile.regions.includes(region)) {
    throw new InputError(
      profile.regions.length > 0
        ? vscode.l10n.t(
            'Profile "{0}" has no region "{1}". Its regions: {2}.',
            profile.name,
            region,
            profile.regions.join(', '),
          )
        : vscode.l10n.t('Profile "{0}" has no region; leave "region" out.', profile.name),
    );
  }
  return profileInRegion(profile, region);
}
