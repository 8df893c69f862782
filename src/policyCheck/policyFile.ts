/**
 * Where the metadata policy comes from: the file `ecsMetadata.policyFile` names (a user or machine
 * setting: a workspace cannot point it elsewhere), else `.vscode/ecs-metadata-policy.json` in the
 * first workspace folder that has one. Reading it sends nothing and writes nothing.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import type { Policy } from '../policy/policy';
import { parsePolicyText, type PolicyProblem } from '../policy/parsePolicy';
import { settings } from '../settings/settings';
import { policyProblemMessage } from './policyProblemMessage';

export const WORKSPACE_POLICY_PATH = '.vscode/ecs-metadata-policy.json';
/** Larger than any policy a person writes; a bigger file is refused before it is parsed. */
const MAX_POLICY_BYTES = 1024 * 1024;

/** The policy file to read, or undefined when there is none. */
export async function findPolicyFile(): Promise<vscode.Uri | undefined> {
  const configured = settings.policyFile();
  if (configured) {
    const expanded = configured.startsWith('~') ? path.join(os.homedir(), configured.slice(1)) : configured;
    if (!path.isAbsolute(expanded)) {
      throw new InputError(
        vscode.l10n.t('The setting ecsMetadata.policyFile needs an absolute path: {0}', configured),
      );
    }
    return vscode.Uri.file(expanded);
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_POLICY_PATH);
    if (await exists(uri)) return uri;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The policy and the file it came from. @throws InputError naming each problem with its line. */
export async function readPolicyFile(): Promise<{ policy: Policy; uri: vscode.Uri }> {
  const uri = await findPolicyFile();
  if (!uri) {
    throw new InputError(
      vscode.l10n.t(
        'There is no metadata policy: create {0} in the workspace, or set ecsMetadata.policyFile.',
        WORKSPACE_POLICY_PATH,
      ),
    );
  }
  let bytes: Uint8Array;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_POLICY_BYTES) {
      throw new InputError(vscode.l10n.t('The metadata policy {0} is larger than 1 MiB.', shown(uri)));
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(vscode.l10n.t('The metadata policy {0} cannot be read.', shown(uri)));
  }
  const reading = parsePolicyText(new TextDecoder().decode(bytes));
  if (reading.problems) throw refusedPolicy(reading.problems, shown(uri));
  return { policy: reading.policy, uri };
}

/** A policy with problems, refused whole: each problem on its own line. */
export function refusedPolicy(problems: readonly PolicyProblem[], source: string): InputError {
  return new InputError(
    [
      vscode.l10n.t('The metadata policy {0} is not used; nothing was read:', source),
      ...problems.map((p) => `• ${policyProblemMessage(p)}`),
    ].join('\n'),
  );
}

/** The file as a person knows it: relative to its workspace folder when inside one. */
export function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}
