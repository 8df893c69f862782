import * as os from 'node:os';
import * as vscode from 'vscode';
import { profileNameProblem } from '../core';
import type { Credentials } from '../credentials/credentials';
import { saveProfileWithSecret } from '../credentials/saveProfileWithSecret';
import { InputError } from '../errors/inputError';
import { profileNameInputProblem } from '../errors/inputProblems';
import {
  readCloudsYamlFile,
  readKooCliFile,
  readSourceFile,
  findImportSources,
} from '../profileImport/findImportSources';
import { parseHuaweiEnv } from '../profileImport/huaweiEnv';
import type { ImportCandidate, SkippedEntry, SourceScan } from '../profileImport/importCandidate';
import { parseOpenStackEnv } from '../profileImport/openStackEnv';
import { SourceParseError } from '../profileImport/sourceParseError';
import {
  candidateIamHost,
  candidateProblem,
  parseErrorMessage,
  secretLabel,
  settingFromCandidate,
  skipMessage,
  sourceLabel,
} from '../profiles/importedProfile';
import { authMethodLabel } from '../profiles/authMethodLabel';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { showError } from '../errors/showError';
import { scriptCommands, type ImportArguments } from './commandArguments';
import { registerDeclared } from './registerDeclared';

export interface ImportSkip {
  name: string;
  /** `exists`, `incomplete`, `notInFile`, `notMapping`, `verifyDisabled`, `unsupportedMode`, `domainIdOnly` or `notChosen`. */
  reason: string;
  /** The reason in the user's language. */
  message: string;
}

export interface ImportResult {
  created: string[];
  skipped: ImportSkip[];
}

/**
 * `ecsMetadata.importProfiles`: profiles from the credentials people already have (clouds.yaml,
 * OS_* and Huawei variables, KooCLI). A person picks from everything found; a script passes
 * `{ source: 'cloudsYaml', path, clouds? }`, `{ source: 'env', env }` or `{ source: 'koocli', path,
 * profiles? }` and gets `{ created, skipped }` without prompts. Secrets go to SecretStorage only; an
 * existing profile is never overwritten without the person choosing Replace (scripts skip it).
 */
export function registerImportProfiles(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.importProfiles, async (call) => {
    if (call.byPerson) return importInteractive(deps);
    return importScripted(deps, call.script);
  });
}

async function importScripted(deps: CommandDeps, source: ImportArguments): Promise<ImportResult> {
  const scan = refuseBadNames(scriptScan(source));
  const result: ImportResult = { created: [], skipped: scan.skipped.map(toSkip) };
  for (const candidate of scan.candidates) {
    if (deps.profiles.get(candidate.name)) {
      result.skipped.push({
        name: candidate.name,
        reason: 'exists',
        message: vscode.l10n.t('A profile named "{0}" already exists.', candidate.name),
      });
      continue;
    }
    const problem = candidateProblem(candidate);
    if (problem) {
      result.skipped.push({ name: candidate.name, reason: 'incomplete', message: problem });
      continue;
    }
    await saveImported(deps, candidate, candidate.name, false);
    result.created.push(candidate.name);
  }
  return result;
}

function scriptScan(source: ImportArguments): SourceScan {
  try {
    switch (source.source) {
      case 'cloudsYaml':
        return readCloudsYamlFile(source.path, undefined, source.clouds);
      case 'koocli':
        return readKooCliFile(source.path, source.profiles);
      case 'env':
        return merge([parseOpenStackEnv(source.env), parseHuaweiEnv(source.env)]);
    }
  } catch (error) {
    if (error instanceof SourceParseError) throw new InputError(parseErrorMessage(error));
    throw error;
  }
}

interface CandidateItem extends vscode.QuickPickItem {
  candidate?: ImportCandidate;
  browse?: boolean;
}

/** Sources listed but not offered: files that could not be read, and the workspace's when untrusted. */
interface NotRead {
  errors: SourceParseError[];
  untrusted: string[];
}

async function importInteractive(deps: CommandDeps): Promise<ImportResult | undefined> {
  const title = vscode.l10n.t('Import Profiles');
  const found = findImportSources({
    env: process.env,
    cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    // Restricted Mode: the repository's clouds.yaml could name any IAM endpoint for a cloud.
    cwdTrusted: vscode.workspace.isTrusted,
    home: os.homedir(),
  });
  let scan = merge(found.scans);
  const notRead: NotRead = { errors: [...found.errors], untrusted: found.untrusted };
  for (;;) {
    const items = quickPickItems(scan, notRead);
    const picked = await vscode.window.showQuickPick(items, {
      title,
      canPickMany: true,
      ignoreFocusOut: true,
      matchOnDescription: true,
      matchOnDetail: true,
      placeHolder:
        scan.candidates.length > 0
          ? vscode.l10n.t(
              'Tick the profiles to import. Secrets that come along go to the system keyring (SecretStorage), never to settings.',
            )
          : vscode.l10n.t('No clouds.yaml, OS_* or Huawei variables, or KooCLI profiles were found.'),
    });
    if (!picked) return undefined;
    if (!picked.some((item) => item.browse)) {
      return saveChosen(
        deps,
        picked.flatMap((item) => (item.candidate ? [item.candidate] : [])),
        scan.skipped,
      );
    }
    const file = await vscode.window.showOpenDialog({
      title,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Read'),
      filters: { [vscode.l10n.t('clouds.yaml or KooCLI config.json')]: ['yaml', 'yml', 'json'] },
    });
    if (!file?.[0]) continue;
    try {
      scan = merge([scan, readSourceFile(file[0].fsPath)]);
    } catch (error) {
      if (!(error instanceof SourceParseError)) throw error;
      notRead.errors.push(error);
    }
  }
}

function quickPickItems(scan: SourceScan, notRead: NotRead): CandidateItem[] {
  const items: CandidateItem[] = scan.candidates.map((candidate) => {
    // Where a password typed for it would go: the clouds.yaml's auth_url, or the region's IAM.
    const iamHost = candidateIamHost(candidate);
    return {
      label: candidate.name,
      description: [
        sourceLabel(candidate.source),
        authMethodLabel(candidate.auth),
        candidate.region,
        iamHost ? vscode.l10n.t('IAM {0}', iamHost) : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      detail: [secretLabel(candidate), candidateProblem(candidate), candidate.origin]
        .filter(Boolean)
        .join(' — '),
      picked: candidate.isDefault === true,
      candidate,
    };
  });
  if (scan.skipped.length > 0) {
    items.push({ label: vscode.l10n.t('Not offered'), kind: vscode.QuickPickItemKind.Separator });
    for (const skipped of scan.skipped) {
      items.push({
        label: `$(circle-slash) ${skipped.name}`,
        description: sourceLabel(skipped.source),
        detail: `${skipped.origin} — ${skipMessage(skipped)}`,
      });
    }
  }
  if (notRead.untrusted.length > 0 || notRead.errors.length > 0) {
    items.push({ label: vscode.l10n.t('Not read'), kind: vscode.QuickPickItemKind.Separator });
    for (const file of notRead.untrusted) {
      items.push({
        label: `$(workspace-untrusted) ${file}`,
        detail: vscode.l10n.t(
          'The workspace folder is not trusted (Restricted Mode), so its clouds.yaml was not read. Trust the workspace, or read the file with "Read another clouds.yaml" if you know where it came from.',
        ),
      });
    }
    for (const error of notRead.errors) {
      items.push({ label: `$(error) ${error.file}`, detail: parseErrorMessage(error) });
    }
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({
    label: vscode.l10n.t('$(folder-opened) Read another clouds.yaml or KooCLI config.json…'),
    browse: true,
  });
  return items;
}

async function saveChosen(
  deps: CommandDeps,
  chosen: ImportCandidate[],
  skipped: SkippedEntry[],
): Promise<ImportResult> {
  const result: ImportResult = { created: [], skipped: skipped.map(toSkip) };
  const needSecrets: string[] = [];
  const cacerts = new Map<string, string>();
  for (const candidate of chosen) {
    const target = await targetName(deps, candidate);
    if (!target) {
      result.skipped.push({
        name: candidate.name,
        reason: 'exists',
        message: vscode.l10n.t('A profile named "{0}" already exists.', candidate.name),
      });
      continue;
    }
    try {
      await saveImported(deps, candidate, target.name, target.replace);
    } catch (err) {
      void showError(err, { profile: target.name });
      continue;
    }
    result.created.push(target.name);
    // An agency profile has no secret of its own: it acts with its source profile's.
    if (!candidate.secret && candidate.auth !== 'agency') needSecrets.push(target.name);
    if (candidate.cacert) cacerts.set(target.name, candidate.cacert);
  }
  for (const [name, cacert] of cacerts) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Profile "{0}" came with the CA bundle {1}. VS Code trusts it only when started with the environment variable NODE_EXTRA_CA_CERTS={1}.',
        name,
        cacert,
      ),
    );
  }
  if (result.created.length > 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Imported {0} profile(s): {1}.', result.created.length, result.created.join(', ')),
    );
  }
  // Secrets that were encrypted or absent are asked for now, one profile at a time, never guessed.
  for (const name of needSecrets) {
    const stored = await vscode.commands.executeCommand<boolean>(
      CommandId.setCredentials,
      onBehalfOfPerson({ profile: name }),
    );
    if (!stored) break;
  }
  return result;
}

/** The name to save under, asking when it is taken: Replace, another name, or skip (undefined). */
async function targetName(
  deps: CommandDeps,
  candidate: ImportCandidate,
): Promise<{ name: string; replace: boolean } | undefined> {
  if (!deps.profiles.get(candidate.name)) return { name: candidate.name, replace: false };
  const replace = vscode.l10n.t('Replace "{0}"', candidate.name);
  const rename = vscode.l10n.t('Import under another name…');
  const choice = await vscode.window.showQuickPick([replace, rename, vscode.l10n.t('Skip')], {
    title: vscode.l10n.t('A profile named "{0}" already exists.', candidate.name),
    ignoreFocusOut: true,
  });
  if (choice === replace) return { name: candidate.name, replace: true };
  if (choice !== rename) return undefined;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import Profiles'),
    prompt: vscode.l10n.t('A new name for "{0}"', candidate.name),
    value: `${candidate.name}-2`,
    ignoreFocusOut: true,
    validateInput: (value) =>
      !value.trim()
        ? vscode.l10n.t('Required')
        : (profileNameInputProblem(value.trim()) ??
          (deps.profiles.get(value.trim())
            ? vscode.l10n.t('A profile named "{0}" already exists.', value.trim())
            : undefined)),
  });
  return name ? { name: name.trim(), replace: false } : undefined;
}

/** An import candidate saved under `name` (see saveProfileWithSecret). */
function saveImported(
  deps: CommandDeps,
  candidate: ImportCandidate,
  name: string,
  replace: boolean,
): Promise<void> {
  return saveProfileWithSecret(
    deps,
    settingFromCandidate(candidate, name),
    candidate.secret as Credentials | undefined,
    replace,
  );
}

function merge(scans: SourceScan[]): SourceScan {
  return refuseBadNames({
    candidates: scans.flatMap((s) => s.candidates),
    skipped: scans.flatMap((s) => s.skipped),
  });
}

/**
 * A cloud or profile whose name — or whose agency's source profile — has a control character (a
 * clouds.yaml key "Prod\nlocal-1") is not offered: such a name could pass for another profile's.
 */
function refuseBadNames(scan: SourceScan): SourceScan {
  const result: SourceScan = { candidates: [], skipped: [...scan.skipped] };
  for (const candidate of scan.candidates) {
    const names = [candidate.name, candidate.agency?.sourceProfile];
    const problem = names
      .flatMap((name) => (name === undefined ? [] : [profileNameProblem(name)]))
      .find(Boolean);
    if (!problem) result.candidates.push(candidate);
    else
      result.skipped.push({
        name: candidate.name,
        source: candidate.source,
        origin: candidate.origin,
        reason: 'badName',
        detail: problem.detail,
      });
  }
  return result;
}

function toSkip(entry: SkippedEntry): ImportSkip {
  return { name: entry.name, reason: entry.reason, message: skipMessage(entry) };
}
