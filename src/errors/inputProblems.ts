import * as vscode from 'vscode';
import {
  endpointProblem,
  normalizeEndpoint,
  otherServicePath,
  type EndpointService,
  metadataKeyProblem,
  profileNameProblem,
  projectIdProblem,
  serverIdProblem,
  type InputProblem,
  type InputProblemCode,
} from '../core';

/**
 * The words, in the user's language, for each reason code the core's validators report, with the
 * one fact the code names. The rules themselves live once, in the core; here each code gets its
 * sentence (a test checks every code has one in English and Simplified Chinese).
 */
const problemTexts: Record<InputProblemCode, (detail: string) => string> = {
  argumentsExpected: (usage) => vscode.l10n.t('Expected arguments {0}.', usage),
  argumentNotText: (name) => vscode.l10n.t('The argument "{0}" must be a string.', name),
  serverIdInvalid: (detail) =>
    vscode.l10n.t(
      '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.',
      detail,
    ),
  metadataKeyEmpty: () => vscode.l10n.t('Enter a metadata key of 1 to 255 characters.'),
  metadataKeyTooLong: (length) =>
    vscode.l10n.t('The metadata key is {0} characters long; the limit is 255.', length),
  metadataKeyDotSegment: (key) =>
    vscode.l10n.t('The metadata key "{0}" cannot be used in a URL; choose another key.', key),
  metadataKeyCharacters: (key) =>
    vscode.l10n.t(
      'The metadata key "{0}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .',
      key,
    ),
  projectIdMissing: () => vscode.l10n.t('Enter the project id.'),
  projectIdInvalid: (detail) =>
    vscode.l10n.t(
      '"{0}" is not a project id. A project id looks like 9c53a566cb3443ab910cf0daebca90c4.',
      detail,
    ),
  endpointNotUrl: (detail) =>
    vscode.l10n.t('"{0}" is not a URL. Use a form like https://ecs.cn-north-4.myhuaweicloud.com', detail),
  endpointScheme: () => vscode.l10n.t('The URL must start with https://.'),
  endpointPlainHttp: (host) =>
    vscode.l10n.t(
      'Use https:// for {0}. Plain http:// is allowed only for this machine (127.0.0.1, ::1, localhost).',
      host,
    ),
  endpointCredentials: urlExtrasText,
  endpointQuery: urlExtrasText,
  profileNameEmpty: () => vscode.l10n.t('Enter a name for the profile.'),
  profileNameControl: (name) =>
    vscode.l10n.t(
      'The profile name {0} contains a control character (such as a line break or a tab). Use a name without them.',
      name,
    ),
  metadataValueNotText: (key) =>
    key ? vscode.l10n.t('The value of "{0}" must be text.', key) : vscode.l10n.t('The value must be text.'),
  metadataValueTooLong: (length) =>
    vscode.l10n.t('The value is {0} characters long; the limit is 255.', length),
  metadataNotObject: () => vscode.l10n.t('The metadata to write must be an object of keys and text values.'),
  metadataEmpty: () => vscode.l10n.t('There are no metadata keys to write.'),
  optionNotPositive: (name) => vscode.l10n.t('{0} must be a positive number.', name),
  optionMetadataApi: (value) =>
    vscode.l10n.t('The metadata API must be "auto", "nova" or "native" (it is "{0}").', value),
  pageSizeInvalid: (most) => vscode.l10n.t('The page size must be a whole number from 1 to {0}.', most),
  nameFilterTooLong: () => vscode.l10n.t('The name filter is longer than 255 characters.'),
  statusFilterInvalid: () => vscode.l10n.t('The status filter must be a word such as ACTIVE or SHUTOFF.'),
  authTypeUnknown: () =>
    vscode.l10n.t('The sign-in method must be "aksk", "password", "token", "temporary" or "agency".'),
  credentialMissing: (what) =>
    vscode.l10n.t('The {0} is missing. Set the credentials of this profile.', missingCredentialWords(what)),
  securityTokenExpiryNotDate: () =>
    vscode.l10n.t(
      'The expiry of the security token is not a date. Use its expires_at, e.g. 2026-01-31T08:00:00Z.',
    ),
  durationOutOfRange: () => vscode.l10n.t('"durationSeconds" must be a whole number from 900 to 86400.'),
  temporaryKeysAuth: () => vscode.l10n.t('Only temporary access keys and agencies make temporary keys.'),
  temporaryKeysMismatch: (type) =>
    vscode.l10n.t('The temporary keys were made for another sign-in method ("{0}").', type),
  regionNotId: (region) =>
    vscode.l10n.t('"{0}" is not a region id. Region ids look like cn-north-4 or ap-southeast-1.', region),
  regionMissing: () => vscode.l10n.t('The region is missing; it names the project to look up.'),
  projectLookupSignInMissing: () =>
    vscode.l10n.t('The account name, IAM user name and password are all needed to find the project.'),
  projectLookupKeysMissing: () =>
    vscode.l10n.t('The access key and secret key are needed to find the project.'),
  projectNotFound: (name) =>
    vscode.l10n.t('No project named "{0}" was found. Check the region, or set the project id.', name),
  tokenWithoutProject: () => vscode.l10n.t('The token names no project; set the project id of the profile.'),
  tokenScopeMissing: () =>
    vscode.l10n.t('A project id, project name or region is needed to scope the token.'),
  catalogNoCompute: (region) =>
    region
      ? vscode.l10n.t(
          'The service catalog has no public compute endpoint in region "{0}". Set the ECS endpoint of the profile.',
          region,
        )
      : vscode.l10n.t(
          'The service catalog does not name one public compute endpoint; set the region or the ECS endpoint of the profile.',
        ),
  agencyUnknown: (name) =>
    vscode.l10n.t('IAM knows no agency "{0}". Check the agency name and the account.', name),
  requestRefused: (status) =>
    vscode.l10n.t(
      'The cloud refused the request as not valid (HTTP {0}). Check that the project id belongs to this region and to these credentials.',
      status,
    ),
};

/** The credential a `credentialMissing` names (its detail), in the user's language. */
function missingCredentialWords(what: string): string {
  switch (what) {
    case 'userName':
      return vscode.l10n.t('IAM user name');
    case 'password':
      return vscode.l10n.t('password');
    case 'domain':
      return vscode.l10n.t('account (domain) name');
    case 'accessKey':
      return vscode.l10n.t('access key');
    case 'secretKey':
      return vscode.l10n.t('secret key');
    case 'token':
      return vscode.l10n.t('token');
    case 'agencyName':
      return vscode.l10n.t('agency name');
    case 'agencyDomain':
      return vscode.l10n.t('delegating account of the agency');
    case 'sourceAccessKey':
      return vscode.l10n.t('access key of the source profile');
    case 'sourceSecretKey':
      return vscode.l10n.t('secret key of the source profile');
    case 'sourceToken':
      return vscode.l10n.t('token of the source profile');
    case 'sourceProject':
      return vscode.l10n.t('project (or region) of the source profile');
    default:
      return what;
  }
}

function urlExtrasText(): string {
  return vscode.l10n.t('The URL must not contain a user name, password, query or fragment.');
}

export function inputProblemText(problem: InputProblem): string {
  return problemTexts[problem.code](problem.detail);
}

/** For input boxes and arguments: the localized problem of a server id, or undefined when fine. */
export function serverIdInputProblem(serverId: string): string | undefined {
  return textOf(serverIdProblem(serverId));
}

export function metadataKeyInputProblem(key: string): string | undefined {
  return textOf(metadataKeyProblem(key));
}

/** Names key secrets, caches and messages: never empty, never with a control character in it. */
export function profileNameInputProblem(name: string): string | undefined {
  return textOf(profileNameProblem(name));
}

export function projectIdInputProblem(projectId: string): string | undefined {
  return textOf(projectIdProblem(projectId));
}

/** An endpoint must be https, or plain http to this machine only (anything else leaks signatures). */
export function endpointInputProblem(endpoint: string): string | undefined {
  return textOf(endpointProblem(endpoint));
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

/** A warning, while typing, for an endpoint that ends in the other service's path, with the fix Enter applies. */
export function otherServiceNote(typed: string, service: EndpointService): string | undefined {
  const other = otherServicePath(typed, service);
  if (!other) return undefined;
  return service === 'compute'
    ? vscode.l10n.t(
        '"{0}" is the path of the identity (IAM) endpoint, not of the compute one. Press Enter to use {1}, or type the compute (ECS) endpoint.',
        other.removed,
        other.endpoint,
      )
    : vscode.l10n.t(
        '"{0}" is the path of the compute (ECS) endpoint, not of the identity one. Press Enter to use {1}, or type the identity (IAM) endpoint.',
        other.removed,
        other.endpoint,
      );
}

function textOf(problem: InputProblem | undefined): string | undefined {
  return problem && inputProblemText(problem);
}
