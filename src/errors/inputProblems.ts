import * as vscode from 'vscode';
import {
  endpointProblem,
  normalizeEndpoint,
  type EndpointService,
  isLoopbackHost,
  metadataKeyProblem,
  projectIdProblem,
  serverIdProblem,
} from '../core';
import { credentialsMatch, type Credentials } from '../credentials/credentials';
import type { AuthType } from '../profiles/profile';

/**
 * Localized messages for input the user typed or a script passed. The core decides what is valid
 * (one rule, shared with what it enforces before sending); its messages are English-only, so they
 * are never shown here — each function returns its own translatable text, or undefined when fine.
 */

export function serverIdInputProblem(serverId: string): string | undefined {
  if (serverIdProblem(serverId) === undefined) return undefined;
  return vscode.l10n.t(
    '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.',
    preview(serverId),
  );
}

export function metadataKeyInputProblem(key: string): string | undefined {
  if (metadataKeyProblem(key) === undefined) return undefined;
  if (key.length === 0) return vscode.l10n.t('Enter a metadata key of 1 to 255 characters.');
  if (key.length > 255) {
    return vscode.l10n.t('The metadata key is {0} characters long; the limit is 255.', key.length);
  }
  if (key === '.' || key === '..') {
    return vscode.l10n.t('The metadata key "{0}" cannot be used in a URL; choose another key.', key);
  }
  return vscode.l10n.t(
    'The metadata key "{0}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .',
    preview(key),
  );
}

export function projectIdInputProblem(projectId: string): string | undefined {
  if (projectIdProblem(projectId) === undefined) return undefined;
  if (projectId.length === 0) return vscode.l10n.t('Enter the project id.');
  return vscode.l10n.t(
    '"{0}" is not a project id. A project id looks like 9c53a566cb3443ab910cf0daebca90c4.',
    preview(projectId),
  );
}

/** An endpoint must be https, or plain http to this machine only (anything else leaks signatures). */
export function endpointInputProblem(endpoint: string): string | undefined {
  if (endpointProblem(endpoint) === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return vscode.l10n.t(
      '"{0}" is not a URL. Use a form like https://ecs.cn-north-4.myhuaweicloud.com',
      preview(endpoint),
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return vscode.l10n.t(
      'Use https:// for {0}. Plain http:// is allowed only for this machine (127.0.0.1, ::1, localhost).',
      url.hostname,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return vscode.l10n.t('The URL must start with https://.');
  }
  return vscode.l10n.t('The URL must not contain a user name, password, query or fragment.');
}

/**
 * What happens to an endpoint typed with its version (`…/v2.1/{project_id}`, an `OS_AUTH_URL`
 * ending in `/v3`): a note for the input box, or undefined when it is used as typed.
 */
export function endpointTrimNote(endpoint: string, service: EndpointService): string | undefined {
  const { endpoint: used, removed, trim } = normalizeEndpoint(endpoint, service);
  switch (trim) {
    case undefined:
      return undefined;
    case 'version':
      return vscode.l10n.t(
        '"{0}" is left out: the extension adds it to each request. Using {1}',
        removed ?? '',
        used,
      );
    case 'versionAndProject':
      return vscode.l10n.t(
        '"{0}" is left out: the extension adds the version, and the project id is asked for separately. Using {1}',
        removed ?? '',
        used,
      );
    case 'olderVersion':
      return service === 'compute'
        ? vscode.l10n.t('"{0}" is left out: requests use the Nova v2.1 API at {1}', removed ?? '', used)
        : vscode.l10n.t('"{0}" is left out: sign-in uses the Keystone v3 API at {1}', removed ?? '', used);
  }
}

/** Credentials of another kind than the profile's sign-in method asks for. */
export function credentialsInputProblem(
  profileName: string,
  auth: AuthType,
  credentials: Credentials,
): string | undefined {
  if (credentialsMatch(auth, credentials)) return undefined;
  return vscode.l10n.t('Profile "{0}" signs in with {1}; these credentials do not fit.', profileName, auth);
}

/** Echo input without letting a pasted secret or a huge string through whole. */
function preview(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
