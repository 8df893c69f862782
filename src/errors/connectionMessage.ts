import * as vscode from 'vscode';
import { isEcsError } from '../core';
import type { ConnectionReport, TestOutcome } from '../clients/connectionTest';
import type { Credentials } from '../credentials/credentials';
import { usesPassword, type Profile } from '../profiles/profile';
import { networkTrouble } from './networkTrouble';
import { isSetupError } from './setupError';
import { describeError } from './userMessage';

/** The setting a failed test call most likely points at: where Back should take the user. */
export type SuspectSetting = 'credentials' | 'ecsEndpoint' | 'iamEndpoint' | 'projectId';

export interface ConnectionMessage {
  /** One line per part that ran: "Signed in as … ✓", "Listing servers failed: HTTP 500". */
  lines: string[];
  /** The lines as one sentence, for a notification or a rejection. */
  message: string;
  suspect?: SuspectSetting;
}

/**
 * Says what the test call found, a part at a time, in words that point at the fix. `credentials`:
 * those tested (a temporary profile signs in with a password or with permanent keys).
 */
export function describeConnection(
  report: ConnectionReport,
  profile: Profile,
  credentials?: Credentials,
): ConnectionMessage {
  const lines: string[] = [];
  let suspect: SuspectSetting | undefined;
  const { signIn, listing } = report;
  if (signIn.ok) {
    lines.push(signedIn(profile, credentials));
  } else {
    // A wrong path is answered before any sign-in is checked: nothing is known about the credentials.
    const unchecked =
      isEcsError(signIn.error) && (signIn.error.status === 404 || signIn.error.status === 410);
    lines.push(
      unchecked
        ? vscode.l10n.t('Could not check the sign-in: {0}', problemOf(signIn, profile))
        : vscode.l10n.t('Sign-in failed: {0}', problemOf(signIn, profile)),
    );
    suspect = suspectOf(signIn, profile);
  }
  if (listing?.ok) lines.push(vscode.l10n.t('Servers listed ✓'));
  if (listing && !listing.ok) {
    lines.push(vscode.l10n.t('Listing servers failed: {0}', problemOf(listing, profile)));
    suspect = suspectOf(listing, profile);
  }
  return { lines, message: lines.join('; '), ...(suspect ? { suspect } : {}) };
}

function signedIn(profile: Profile, credentials: Credentials | undefined): string {
  switch (profile.auth) {
    case 'temporary':
    case 'password':
      // A temporary profile's keys are obtained with permanent AK/SK, or with a password's sign-in.
      if (profile.auth === 'temporary' && credentials && 'accessKey' in credentials) {
        return vscode.l10n.t('Temporary access keys obtained with the permanent access key ✓');
      }
      return vscode.l10n.t('Signed in as {0} (account {1}) ✓', profile.user ?? '', profile.domain ?? '');
    case 'agency':
      return vscode.l10n.t(
        'Agency {0} of account {1} assumed ✓',
        profile.agencyName ?? '',
        profile.agencyDomain ?? '',
      );
    case 'aksk':
      return vscode.l10n.t('Access key accepted ✓');
    case 'token':
      return vscode.l10n.t('Token accepted ✓');
  }
}

/**
 * A 404 from a test call is a wrong endpoint far more often than a missing thing, so it says so and
 * shows the URL called; other HTTP failures are given as what they are, without "try again later".
 */
function problemOf(outcome: Extract<TestOutcome, { ok: false }>, profile: Profile): string {
  const { error, url } = outcome;
  if (isEcsError(error) && error.status === 404 && url) {
    return vscode.l10n.t('HTTP 404 from {0}. The endpoint is probably wrong.', url);
  }
  if (
    isEcsError(error) &&
    error.status !== undefined &&
    (error.kind === 'server' || error.kind === 'badResponse')
  ) {
    const status = error.code ? `HTTP ${error.status}, ${error.code}` : `HTTP ${error.status}`;
    return url ? vscode.l10n.t('{0} from {1}', status, url) : status;
  }
  return describeError(error, { profile: profile.name }).message;
}

function suspectOf(
  outcome: Extract<TestOutcome, { ok: false }>,
  profile: Profile,
): SuspectSetting | undefined {
  const { error, url } = outcome;
  const endpoint = (): SuspectSetting =>
    url !== undefined &&
    usesPassword(profile.auth) &&
    url.startsWith(profile.iamEndpoint) &&
    /\/v3\//.test(url)
      ? 'iamEndpoint'
      : 'ecsEndpoint';
  if (isSetupError(error)) return error.kind === 'missingCredentials' ? 'credentials' : 'projectId';
  if (!isEcsError(error)) return undefined;
  if (error.kind === 'auth') return 'credentials';
  if (error.status === 404 || error.status === 410) return endpoint();
  if (error.status === 400 || (error.kind === 'invalidInput' && error.status === undefined))
    return 'projectId';
  if (error.kind === 'network' && networkTrouble(error) === 'dns') return endpoint();
  return undefined;
}
