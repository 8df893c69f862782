import * as vscode from 'vscode';
import { isEcsError } from '../core';
import type { ConnectionReport, TestOutcome } from './connectionTest';
import type { Credentials } from '../credentials/credentials';
import { usesPassword, type Profile } from '../profiles/profile';
import { networkTrouble } from '../errors/networkTrouble';
import { isSetupError } from '../errors/setupError';
import { describeError } from '../errors/userMessage';

/**
 * The setting a failed test call most likely points at: where Back should take the user.
 * `secretKey`: IAM refused the signature, so the SK (not the AK) is the one to correct.
 */
export type SuspectSetting = 'credentials' | 'secretKey' | 'ecsEndpoint' | 'iamEndpoint' | 'projectId';

/** One part of the test, in words that fit a quick pick item: its label, and the rest for its detail line. */
export interface ConnectionPart {
  /** "Signed in as … ✓", "Sign-in failed: Signature refused", "Listing servers failed: HTTP 404 from the compute endpoint". */
  line: string;
  /** What does not fit the label: the URL called, the whole message with its request id. */
  detail?: string;
}

export interface ConnectionMessage {
  /** One line per part that ran, whole: "Signed in as … ✓", "Listing servers failed: HTTP 500 from …". */
  lines: string[];
  /** The same parts, each short with its detail apart. */
  parts: ConnectionPart[];
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
  const parts: ConnectionPart[] = [];
  /** A failed part: `say` words it around the problem, short in `parts` and whole in `lines`. */
  const failed = (say: (problem: string) => string, problem: Problem): void => {
    parts.push({ line: say(problem.summary), ...(problem.detail ? { detail: problem.detail } : {}) });
    lines.push(say(problem.detail ? `${problem.summary}. ${problem.detail}` : problem.summary));
  };
  let suspect: SuspectSetting | undefined;
  const { signIn, listing } = report;
  if (signIn.ok) {
    lines.push(signedIn(profile, credentials));
    parts.push({ line: signedIn(profile, credentials) });
  } else {
    // A wrong path is answered before any sign-in is checked: nothing is known about the credentials.
    const unchecked =
      isEcsError(signIn.error) && (signIn.error.status === 404 || signIn.error.status === 410);
    failed(
      (p) =>
        unchecked
          ? vscode.l10n.t('Could not check the sign-in: {0}', p)
          : vscode.l10n.t('Sign-in failed: {0}', p),
      problemOf(signIn, profile),
    );
    suspect = suspectOf(signIn, profile);
  }
  if (listing?.ok) {
    lines.push(vscode.l10n.t('Servers listed ✓'));
    parts.push({ line: vscode.l10n.t('Servers listed ✓') });
  }
  if (listing && !listing.ok) {
    failed((p) => vscode.l10n.t('Listing servers failed: {0}', p), problemOf(listing, profile));
    suspect = suspectOf(listing, profile);
  }
  return { lines, parts, message: lines.join('; '), ...(suspect ? { suspect } : {}) };
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

/** What failed, in a few words (which endpoint answered what), and the rest. */
interface Problem {
  summary: string;
  detail?: string;
}

/**
 * A 404 from a test call is a wrong endpoint far more often than a missing thing, so it says so,
 * naming the endpoint (compute or identity) and the URL called; other HTTP failures are given as
 * what they are, without "try again later".
 */
function problemOf(outcome: Extract<TestOutcome, { ok: false }>, profile: Profile): Problem {
  const { error, url } = outcome;
  const identity = endpointOf(url, profile) === 'iamEndpoint';
  if (isEcsError(error) && error.status === 404 && url) {
    return identity
      ? {
          summary: vscode.l10n.t('HTTP 404 from the identity endpoint'),
          detail: vscode.l10n.t(
            'Called {0}. The identity (IAM) endpoint {1} is probably wrong.',
            url,
            profile.iamEndpoint,
          ),
        }
      : {
          summary: vscode.l10n.t('HTTP 404 from the compute endpoint'),
          detail: vscode.l10n.t(
            'Called {0}. The compute (ECS) endpoint {1} is probably wrong.',
            url,
            profile.ecsEndpoint,
          ),
        };
  }
  if (
    isEcsError(error) &&
    error.status !== undefined &&
    (error.kind === 'server' || error.kind === 'badResponse')
  ) {
    const status = error.code ? `HTTP ${error.status}, ${error.code}` : `HTTP ${error.status}`;
    if (!url) return { summary: status };
    return {
      summary: identity
        ? vscode.l10n.t('{0} from the identity endpoint', status)
        : vscode.l10n.t('{0} from the compute endpoint', status),
      detail: vscode.l10n.t('Called {0}.', url),
    };
  }
  const { summary, message } = describeError(error, { profile: profile.name });
  return { summary, detail: message };
}

/** Which endpoint answered at `url`: the identity one for sign-in and IAM calls, else compute. */
function endpointOf(url: string | undefined, profile: Profile): 'iamEndpoint' | 'ecsEndpoint' {
  return url !== undefined &&
    usesPassword(profile.auth) &&
    url.startsWith(profile.iamEndpoint) &&
    /\/v3(\/auth\/|\/projects|\.0\/OS-CREDENTIAL\/)/.test(url)
    ? 'iamEndpoint'
    : 'ecsEndpoint';
}

function suspectOf(
  outcome: Extract<TestOutcome, { ok: false }>,
  profile: Profile,
): SuspectSetting | undefined {
  const { error, url } = outcome;
  const endpoint = (): SuspectSetting => endpointOf(url, profile);
  if (isSetupError(error)) return error.kind === 'missingCredentials' ? 'credentials' : 'projectId';
  if (!isEcsError(error)) return undefined;
  if (error.kind === 'auth') return error.refused === 'signature' ? 'secretKey' : 'credentials';
  if (error.status === 404 || error.status === 410) return endpoint();
  if (error.status === 400 || (error.kind === 'invalidInput' && error.status === undefined))
    return 'projectId';
  if (error.kind === 'network' && networkTrouble(error) === 'dns') return endpoint();
  return undefined;
}
