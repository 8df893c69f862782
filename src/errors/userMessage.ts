import * as vscode from 'vscode';
import {
  isArgumentProblem,
  isEcsError,
  redactSecrets,
  validatorProblemCodes,
  type AgencyProblem,
  type EcsError,
} from '../core';
import { CommandId } from '../commandBase/commandIds';
import { Setting } from '../settings/settings';
import { inputProblemText } from './inputProblems';
import { InputError } from './inputError';
import { isSetupError, type SetupError } from './setupError';
import { networkTrouble } from './networkTrouble';

/** What a failed action was about, so its message can name the profile, server and key. */
export interface ErrorSubject {
  profile?: string;
  serverId?: string;
  /** Named in messages when known; the id then goes to the tooltip or the panel beside it. */
  serverName?: string;
  key?: string;
}

export interface ErrorAction {
  title: string;
  command: string;
  args?: unknown[];
}

export interface UserMessage {
  /** The whole message, ending with the request id when there is one. */
  message: string;
  /** A few words for places with little room, such as a tree item's label. */
  summary: string;
  actions: ErrorAction[];
  /**
   * What clicking the error's tree item runs instead of a plain retry, when a retry alone cannot
   * help (rejected credentials: set them, after which the tree loads again by itself).
   */
  fix?: ErrorAction;
}

/** Turns any error into a localized message that says what went wrong and what to do about it. */
export function describeError(err: unknown, context: ErrorSubject = {}): UserMessage {
  if (err instanceof InputError) {
    return withoutActions(err.message, vscode.l10n.t('Invalid input'));
  }
  if (isSetupError(err)) return describeSetupError(err, context);
  if (isEcsError(err)) return withRequestId(describeEcsError(err, context), err.requestId);
  const text = err instanceof Error ? err.message : String(err);
  return {
    message: redactSecrets(text),
    summary: vscode.l10n.t('Something went wrong'),
    actions: [showLog()],
  };
}

/** An agency that cannot be assumed: what is missing, and where (the delegating account). */
function describeAgencyProblem(agency: AgencyProblem, context: ErrorSubject): UserMessage {
  const { agencyName, agencyDomain } = agency;
  return agency.problem === 'unknownAgency'
    ? {
        message: vscode.l10n.t(
          'Account "{0}" has no agency named "{1}". Check "agencyDomain" and "agencyName" in the profile.',
          agencyDomain,
          agencyName,
        ),
        summary: vscode.l10n.t('Agency {0} not found', agencyName),
        actions: [openSettings(Setting.profiles)],
      }
    : {
        message: vscode.l10n.t(
          'Profile "{0}" cannot act through agency "{1}" of account "{2}": the user of its source profile needs the Agent Operator role in that account. Ask an administrator of that account to grant it.',
          context.profile ?? '',
          agencyName,
          agencyDomain,
        ),
        summary: vscode.l10n.t('Agent Operator role missing'),
        actions: [],
      };
}

function describeSetupError(err: SetupError, context: ErrorSubject): UserMessage {
  const profile = err.profile ?? context.profile;
  switch (err.kind) {
    case 'missingCredentials':
      return {
        message: err.message,
        summary: vscode.l10n.t('Credentials needed'),
        actions: [setCredentials(profile)],
        fix: setCredentials(profile),
      };
    case 'endpointsChanged': {
      const confirm = confirmEndpoints(profile);
      return {
        message: err.message,
        summary: vscode.l10n.t('Endpoints changed: confirm credentials'),
        actions: [confirm, setCredentials(profile)],
        fix: confirm,
      };
    }
    case 'keyring':
      return withoutActions(err.message, vscode.l10n.t('Keyring unavailable'));
    case 'unknownProfile':
    case 'incompleteProfile':
      return {
        message: err.message,
        summary: vscode.l10n.t('Profile incomplete'),
        actions: [openSettings(Setting.profiles)],
      };
  }
}

function describeEcsError(err: EcsError, context: ErrorSubject): UserMessage {
  const server = context.serverName ? `"${context.serverName}"` : (context.serverId ?? '');
  if ((err.kind === 'invalidInput' || err.kind === 'forbidden') && err.agency) {
    return describeAgencyProblem(err.agency, context);
  }
  switch (err.kind) {
    case 'auth': {
      const fix = setCredentials(context.profile);
      if (err.refused) return { ...describeSignatureRefusal(err, context), actions: [fix], fix };
      // Pasted temporary credentials past their expiry: said as exactly that.
      const message = err.expired
        ? vscode.l10n.t(
            'The temporary access key and security token of profile "{0}" have expired. Set new credentials.',
            context.profile ?? '',
          )
        : vscode.l10n.t(
            'The cloud rejected the credentials of profile "{0}". Set them again, or check that they have not expired.',
            context.profile ?? '',
          );
      const summary = err.expired
        ? vscode.l10n.t('Temporary credentials expired')
        : vscode.l10n.t('Credentials rejected');
      return { message, summary, actions: [fix], fix };
    }
    case 'forbidden': {
      // The core names the permission of the route that was refused; nothing to guess here.
      const permission = err.permission;
      if (permission === undefined) {
        return withoutActions(
          vscode.l10n.t(
            'Access denied. The IAM user of profile "{0}" lacks a permission this call needs.',
            context.profile ?? '',
          ),
          vscode.l10n.t('Access denied'),
        );
      }
      return withoutActions(
        vscode.l10n.t(
          'Access denied. The IAM user of profile "{0}" needs the permission {1} in this project.',
          context.profile ?? '',
          permission,
        ),
        vscode.l10n.t('Permission {0} missing', permission),
      );
    }
    case 'keyNotFound':
      return withoutActions(
        vscode.l10n.t('Server {0} has no metadata key "{1}".', server, context.key ?? ''),
        vscode.l10n.t('Key not found'),
      );
    case 'serverNotFound':
      return {
        message: vscode.l10n.t(
          'Server {0} was not found. It may have been deleted, or it belongs to another project or region.',
          server,
        ),
        summary: vscode.l10n.t('Server not found'),
        actions: context.profile && context.serverId ? [removeServer(context.profile, context.serverId)] : [],
      };
    case 'conflict': {
      const busy = err.taskState
        ? vscode.l10n.t('Server {0} is busy with a task (state {1}).', server, err.taskState)
        : vscode.l10n.t('Server {0} is busy with a task.', server);
      return withoutActions(
        vscode.l10n.t('{0} Its metadata can be changed once the task has ended; try again later.', busy),
        vscode.l10n.t('Server busy'),
      );
    }
    case 'quota': {
      const full =
        err.keyCount !== undefined && err.keyQuota !== undefined
          ? vscode.l10n.t(
              'Server {0} has {1} metadata keys and may have at most {2}.',
              server,
              err.keyCount,
              err.keyQuota,
            )
          : vscode.l10n.t('Server {0} has reached its quota of metadata keys.', server);
      return withoutActions(
        vscode.l10n.t('{0} Remove keys first, or ask for a larger metadata_items quota.', full),
        vscode.l10n.t('Metadata quota reached'),
      );
    }
    case 'throttled':
      return withoutActions(
        vscode.l10n.t('The cloud is throttling requests. Wait a moment, then try again.'),
        vscode.l10n.t('Throttled, try again shortly'),
      );
    case 'timeout':
      return {
        message: vscode.l10n.t(
          'The cloud did not answer in time. Check your network and the http.proxy setting, or raise ecsMetadata.requestTimeoutSeconds.',
        ),
        summary: vscode.l10n.t('Request timed out'),
        actions: [openSettings(Setting.requestTimeoutSeconds), showLog()],
      };
    case 'network':
      return describeNetworkError(err);
    case 'cancelled':
      return withoutActions(vscode.l10n.t('The request was cancelled.'), vscode.l10n.t('Cancelled'));
    case 'invalidInput':
      return describeInvalidInput(err);
    case 'server':
    case 'badResponse':
      return {
        message: vscode.l10n.t(
          'The cloud answered with an error{0}. Try again later; if it persists, give the request id to support.',
          err.status !== undefined ? ` (HTTP ${err.status}${err.code ? `, ${err.code}` : ''})` : '',
        ),
        summary: failureKind(err),
        actions: [showLog()],
      };
  }
}

/** What kind of failure a 5xx or an unusable answer was, in the few words a tree row has room for. */
function failureKind(err: EcsError): string {
  const status = err.status;
  if (err.kind === 'badResponse') {
    return status === 404 || status === 410
      ? vscode.l10n.t('No such API route (HTTP {0})', status)
      : vscode.l10n.t('Unreadable answer from the cloud');
  }
  if (status === 503) return vscode.l10n.t('Service unavailable (HTTP 503)');
  if (status === 502 || status === 504) return vscode.l10n.t('Gateway error (HTTP {0})', status);
  return status !== undefined
    ? vscode.l10n.t('Service error (HTTP {0})', status)
    : vscode.l10n.t('Service error');
}

/** What IAM refused of a signed request: the access key itself, or the signature its SK made. */
function describeSignatureRefusal(
  err: EcsError<'auth'>,
  context: ErrorSubject,
): { message: string; summary: string } {
  const code = err.code ?? `HTTP ${err.status ?? 401}`;
  return err.refused === 'accessKey'
    ? {
        message: vscode.l10n.t(
          'IAM refused the access key (AK) of profile "{0}" ({1}): it does not exist or is not active. Check the access key ID.',
          context.profile ?? '',
          code,
        ),
        summary: vscode.l10n.t('Access key refused'),
      }
    : {
        message: vscode.l10n.t(
          'IAM refused the signature of profile "{0}" ({1}): the secret key (SK) does not belong to this access key. Check the secret key, and that this computer\'s clock is right.',
          context.profile ?? '',
          code,
        ),
        summary: vscode.l10n.t('Signature refused'),
      };
}

/**
 * Refused before sending: the core says which rule refused what as a code, and the sentence shown
 * is the extension's for that code. Refused by the cloud: the extension's sentence, and the cloud's
 * own words marked as such.
 */
function describeInvalidInput(err: EcsError<'invalidInput'>): UserMessage {
  const summary = vscode.l10n.t('Invalid input');
  // A command's argument of the wrong shape: nothing was going to be sent, the sentence says it all.
  if (isArgumentProblem(err.problem)) {
    return { message: inputProblemText(err.problem), summary, actions: [] };
  }
  if (err.status !== undefined) {
    const refused = vscode.l10n.t(
      'The cloud refused the request as not valid (HTTP {0}). Check that the project id belongs to this region and to these credentials.',
      err.code ? `${err.status}, ${err.code}` : String(err.status),
    );
    const said = err.serverMessage
      ? ` ${vscode.l10n.t('The cloud said: "{0}"', redactSecrets(err.serverMessage))}`
      : '';
    return { message: refused + said, summary, actions: [showLog()] };
  }
  // A validator's problem is fixed where it was typed; any other (a credential or option missing,
  // a project not found) in the profile, so its settings are offered too.
  const typed = (validatorProblemCodes as readonly string[]).includes(err.problem.code);
  return {
    message: vscode.l10n.t(
      'The request was not sent because an input is not valid. {0}',
      inputProblemText(err.problem),
    ),
    summary,
    actions: typed ? [] : [openSettings(Setting.profiles)],
  };
}

function describeNetworkError(err: EcsError): UserMessage {
  const trouble = networkTrouble(err);
  if (trouble === 'certificate') {
    return {
      // Only ways to trust the right CA: turning checks off would hand the credentials to whoever intercepts.
      message: vscode.l10n.t(
        'The server certificate could not be verified, so nothing was sent. If a proxy or company CA signs it, put that CA in a PEM file and point the NODE_EXTRA_CA_CERTS environment variable at the file (this works with and without http.proxy), or add it to the system certificates (used while http.systemCertificates is on and NODE_EXTRA_CA_CERTS is not set), then restart VS Code. The log names the host.',
      ),
      summary: vscode.l10n.t('Certificate not trusted'),
      actions: [openSettings('http.systemCertificates'), showLog()],
    };
  }
  return {
    message:
      trouble === 'dns'
        ? vscode.l10n.t(
            'The endpoint host name could not be resolved. Check the profile endpoints and the http.proxy setting.',
          )
        : vscode.l10n.t(
            'Could not reach the cloud. Check your network connection and the http.proxy setting.',
          ),
    summary: vscode.l10n.t('Network error'),
    actions: [openSettings('http.proxy'), showLog()],
  };
}

/** A message with nothing to click: waiting, or a change only the person can make, is the way on. */
function withoutActions(message: string, summary: string): UserMessage {
  return { message, summary, actions: [] };
}

function withRequestId(message: UserMessage, requestId: string | undefined): UserMessage {
  if (!requestId) return message;
  return { ...message, message: `${message.message} ${vscode.l10n.t('(request id: {0})', requestId)}` };
}

function setCredentials(profile: string | undefined): ErrorAction {
  return {
    title: vscode.l10n.t('Set Credentials'),
    command: CommandId.setCredentials,
    args: profile ? [{ profile }] : [],
  };
}

function confirmEndpoints(profile: string | undefined): ErrorAction {
  return {
    title: vscode.l10n.t('Confirm Change'),
    command: CommandId.confirmEndpoints,
    args: profile ? [{ profile }] : [],
  };
}

function removeServer(profile: string, serverId: string): ErrorAction {
  return {
    title: vscode.l10n.t('Remove Server'),
    command: CommandId.removeServer,
    args: [{ profile, serverId }],
  };
}

function openSettings(setting: string): ErrorAction {
  return { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: [setting] };
}

function showLog(): ErrorAction {
  return { title: vscode.l10n.t('Show Log'), command: CommandId.showLog };
}
