import * as vscode from 'vscode';
import { isEcsError, type RequestEvent } from '../core';
import type { Credentials } from '../credentials/credentials';
import { usesPassword, type Profile } from '../profiles/profile';
import { createProfileClient } from './createProfileClient';
import { settings } from '../settings/settings';

/** One part of the test: it worked, or it failed with this error at this URL (when a request was made). */
export type TestOutcome = { ok: true } | { ok: false; error: unknown; url?: string };

/**
 * The test call of Add Profile and Set Credentials, in its two parts, so a cloud whose server listing
 * fails (a Nova without a network service answers 500) still says that the sign-in worked.
 * `listing` is undefined when sign-in failed (nothing was listed) or was the only part asked for.
 */
export interface ConnectionReport {
  signIn: TestOutcome;
  listing?: TestOutcome;
}

export interface ConnectionTestOptions {
  onRequest: (event: RequestEvent) => void;
  /** Set Credentials checks only the sign-in; Add Profile also lists one server. */
  signInOnly?: boolean;
  /** An agency profile's source profile, whose credentials are the ones given. */
  source?: Profile;
}

const TOKEN_PATH = /\/v3\/auth\/tokens$/;
const IAM_PATH = /\/v3(\/(auth\/tokens|auth\/projects|projects)|\.0\/OS-CREDENTIAL\/securitytokens)$/;
const SECURITY_TOKENS_PATH = /\/v3\.0\/OS-CREDENTIAL\/securitytokens$/;

export function testConnection(
  profile: Profile,
  credentials: Credentials,
  options: ConnectionTestOptions,
): Promise<ConnectionReport> {
  return Promise.resolve(
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Testing profile "{0}"…', profile.name),
      },
      () => runTest(profile, credentials, options),
    ),
  );
}

async function runTest(
  profile: Profile,
  credentials: Credentials,
  options: ConnectionTestOptions,
): Promise<ConnectionReport> {
  const events: RequestEvent[] = [];
  const onRequest = (event: RequestEvent): void => {
    events.push(event);
    options.onRequest(event);
  };
  /**
   * The URL of the request that failed with `error`: the one that got its status (a token request
   * that fails inside an API call is reported for both; the answer came from the token request).
   */
  const failedAt = (error: unknown): string | undefined => {
    const status = isEcsError(error) ? error.status : undefined;
    const failed = [...events]
      .reverse()
      .find((e) => e.error !== undefined && (status === undefined || e.status === status));
    if (!failed) return undefined;
    const endpoint = IAM_PATH.test(failed.path)
      ? (options.source ?? profile).iamEndpoint
      : profile.ecsEndpoint;
    try {
      return new URL(failed.path, endpoint).href;
    } catch {
      return undefined;
    }
  };
  const issued = (path: RegExp): boolean =>
    events.some((e) => e.method === 'POST' && path.test(e.path) && e.error === undefined);
  // Temporary AK/SK (for the user or through an agency) are the sign-in; a token alone is only half.
  const tokenIssued = (): boolean =>
    issued(profile.auth === 'temporary' || profile.auth === 'agency' ? SECURITY_TOKENS_PATH : TOKEN_PATH);

  let client;
  try {
    client = await createProfileClient(profile, credentials, {
      timeoutMs: settings.requestTimeoutMs(),
      onRequest,
      ...(options.source ? { source: options.source } : {}),
    });
  } catch (error) {
    // Building the client signs in only when it looks the project up; a failure after that is the lookup's.
    if (tokenIssued()) return { signIn: { ok: true }, listing: failure(error, failedAt(error)) };
    return { signIn: failure(error, failedAt(error)) };
  }
  try {
    await client.listServers({ limit: 1 });
    return { signIn: { ok: true }, listing: { ok: true } };
  } catch (error) {
    const url = failedAt(error);
    const signedIn =
      usesPassword(profile.auth) || profile.auth === 'agency'
        ? tokenIssued() && !(isEcsError(error) && error.kind === 'auth')
        : // A key or token is checked before the request is served: an answer other than 401 accepted
          // it — but not a 404, which a gateway gives for a wrong path before checking anything.
          isEcsError(error) &&
          error.status !== undefined &&
          error.kind !== 'auth' &&
          error.status !== 404 &&
          error.status !== 410;
    if (!signedIn) return { signIn: failure(error, url) };
    return options.signInOnly
      ? { signIn: { ok: true } }
      : { signIn: { ok: true }, listing: failure(error, url) };
  }
}

function failure(error: unknown, url: string | undefined): TestOutcome {
  return url === undefined ? { ok: false, error } : { ok: false, error, url };
}

/** True when every part that ran worked. */
export function connectionWorked(report: ConnectionReport): boolean {
  return report.signIn.ok && (report.listing?.ok ?? true);
}
