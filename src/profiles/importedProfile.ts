import * as vscode from 'vscode';
import type { ImportCandidate, ImportSource, SkippedEntry } from '../profileImport/importCandidate';
import type { SourceParseError, SourceProblem } from '../profileImport/sourceParseError';
import type { ProfileSetting } from './profile';

/** The settings entry an import candidate becomes; its secret goes to SecretStorage separately. */
export function settingFromCandidate(candidate: ImportCandidate, name = candidate.name): ProfileSetting {
  const setting: ProfileSetting = { name, auth: candidate.auth };
  if (candidate.region) setting.region = candidate.region;
  if (candidate.ecsEndpoint) setting.ecsEndpoint = candidate.ecsEndpoint;
  if (candidate.iamEndpoint) setting.iamEndpoint = candidate.iamEndpoint;
  if (candidate.projectId) setting.projectId = candidate.projectId;
  if (candidate.projectName) setting.projectName = candidate.projectName;
  if (candidate.domain) setting.domain = candidate.domain;
  if (candidate.domainId) setting.domainId = candidate.domainId;
  if (candidate.user) setting.user = candidate.user;
  if (candidate.agency) Object.assign(setting, candidate.agency);
  setting.discoverServers = true;
  return setting;
}

/** Why a candidate cannot become a working profile as it stands, or undefined. */
export function candidateProblem(candidate: ImportCandidate): string | undefined {
  if (candidate.auth === 'aksk' && !candidate.region && !candidate.ecsEndpoint) {
    return vscode.l10n.t('No region is set, so the endpoints are unknown.');
  }
  return undefined;
}

export function sourceLabel(source: ImportSource): string {
  switch (source) {
    case 'cloudsYaml':
      return 'clouds.yaml';
    case 'osEnv':
      return vscode.l10n.t('OS_* variables');
    case 'koocli':
      return 'KooCLI';
    case 'huaweiEnv':
      return vscode.l10n.t('Huawei Cloud variables');
  }
}

/** What happens to the candidate's secret, for the quick pick. */
export function secretLabel(candidate: ImportCandidate): string {
  if (candidate.agency) {
    return vscode.l10n.t(
      'acts through agency "{0}" of account "{1}" with the credentials of profile "{2}" (it must sign in with a password, a token or an access key)',
      candidate.agency.agencyName,
      candidate.agency.agencyDomain,
      candidate.agency.sourceProfile,
    );
  }
  if (candidate.secret) {
    return 'password' in candidate.secret
      ? vscode.l10n.t('$(key) the password will be stored in the system keyring (SecretStorage)')
      : 'token' in candidate.secret
        ? vscode.l10n.t('$(key) the token will be stored in the system keyring (SecretStorage)')
        : vscode.l10n.t('$(key) the access key pair will be stored in the system keyring (SecretStorage)');
  }
  return candidate.missingSecret === 'encrypted'
    ? vscode.l10n.t('the secret is encrypted by KooCLI: you will be asked for it after the import')
    : vscode.l10n.t('no secret in the source: you will be asked for it after the import');
}

export function skipMessage(entry: Pick<SkippedEntry, 'reason' | 'detail'>): string {
  switch (entry.reason) {
    case 'verifyDisabled':
      return vscode.l10n.t(
        'It turns TLS verification off (verify: false); this extension always verifies certificates.',
      );
    case 'unsupportedMode':
      return vscode.l10n.t('Sign-in mode "{0}" is not supported yet.', entry.detail ?? '');
    case 'domainIdOnly':
      return vscode.l10n.t(
        'The user domain is given only by id ("{0}"); add user_domain_name to the file.',
        entry.detail ?? '',
      );
    case 'incomplete':
      return vscode.l10n.t('Missing or not found: {0}.', entry.detail ?? '');
    case 'notInFile':
      return vscode.l10n.t('There is no entry of this name in the file.');
    case 'notMapping':
      return vscode.l10n.t('The entry of this name in the file is not a mapping of settings.');
  }
}

export function parseErrorMessage(error: SourceParseError): string {
  const problem = sourceProblemText(error.problem);
  return error.line === undefined
    ? vscode.l10n.t('Could not read {0}: {1}', error.file, problem)
    : vscode.l10n.t('Could not read {0}, line {1}: {2}', error.file, error.line, problem);
}

/** The reason a source file could not be read, in the user's language. */
function sourceProblemText(problem: SourceProblem): string {
  switch (problem.code) {
    case 'yamlSyntax':
      return problem.detail === 'DUPLICATE_KEY'
        ? vscode.l10n.t('a key appears twice.')
        : vscode.l10n.t('not valid YAML ({0}).', problem.detail);
    case 'notCloudsFile':
      return vscode.l10n.t('the file is not a mapping with a "clouds" key.');
    case 'cloudsNotMapping':
      return vscode.l10n.t('"clouds" is not a mapping.');
    case 'jsonSyntax':
      return vscode.l10n.t('not valid JSON.');
    case 'noProfilesList':
      return vscode.l10n.t('there is no "profiles" list (is this a KooCLI config.json?).');
    case 'fileMissing':
      return vscode.l10n.t('the file does not exist.');
    case 'unreadable':
      return vscode.l10n.t('the file cannot be read ({0}).', problem.detail);
  }
}
