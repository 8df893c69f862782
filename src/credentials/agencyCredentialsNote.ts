import * as vscode from 'vscode';
import type { Profile } from '../profiles/profile';

/** Said where a person would set or confirm an agency profile's own credentials: it has none. */
export function agencyCredentialsNote(profile: Profile): string {
  return vscode.l10n.t(
    'Profile "{0}" acts through an agency with the credentials of profile "{1}"; it stores none of its own.',
    profile.name,
    profile.sourceProfile ?? '',
  );
}
