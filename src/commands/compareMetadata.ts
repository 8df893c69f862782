import * as vscode from 'vscode';
import { MetadataDocuments } from '../compare/metadataDocuments';
import { InputError } from '../errors/inputError';
import { ServerNode } from '../tree/serverNode';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { failingAbout } from './failureSubject';
import { registerCommand } from './registerCommand';
import {
  pickServerTarget,
  serverLabel,
  serverTargetOf,
  withServerName,
  type ServerTarget,
} from './serverTarget';

/** What the command resolves to: the diff editor's title and its two documents. */
export interface Comparison {
  title: string;
  left: string;
  right: string;
}

/**
 * `ecsMetadata.compareMetadata` — Compare Metadata With…: VS Code's diff editor on both servers'
 * metadata as read-only JSON (sorted keys, one per line), titled with both names. From a server in
 * the tree: pick the other server (any profile); on two servers selected together: those two; from
 * the palette: pick both. A script passes `{ left: {profile, serverId}, right: {profile, serverId} }`.
 * While Mask Values is on, both sides show masks (see MetadataDocuments).
 */
export function registerCompareMetadata(deps: CommandDeps): vscode.Disposable {
  const documents = new MetadataDocuments();
  const command = registerCommand(
    CommandId.compareMetadata,
    async (call): Promise<Comparison | undefined> => {
      const pair = call.byPerson ? await personPair(deps, call.arg, call.selection) : scriptPair(call.arg);
      if (!pair) return undefined;
      return compare(deps, documents, pair[0], pair[1]);
    },
  );
  return vscode.Disposable.from(command, documents);
}

function scriptPair(arg: unknown): [ServerTarget, ServerTarget] {
  const { left, right } = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
  const pair = [serverTargetOf(left), serverTargetOf(right)];
  if (!pair[0] || !pair[1]) {
    throw new InputError(
      vscode.l10n.t(
        'Expected arguments {0}.',
        '{ left: { profile, serverId }, right: { profile, serverId } }',
      ),
    );
  }
  return pair as [ServerTarget, ServerTarget];
}

async function personPair(
  deps: CommandDeps,
  arg: unknown,
  selected: readonly unknown[],
): Promise<[ServerTarget, ServerTarget] | undefined> {
  const title = vscode.l10n.t('Compare Metadata With…');
  // Two servers selected together in the tree: VS Code passes the clicked one and the selection.
  const chosen = selected.filter((n) => n instanceof ServerNode);
  if (chosen.length === 2)
    return [serverTargetOf(chosen[0]), serverTargetOf(chosen[1])] as [ServerTarget, ServerTarget];
  const first = serverTargetOf(arg) ?? (await pickServerTarget(deps, title));
  if (!first) return undefined;
  // The server itself is not offered: comparing it with itself shows nothing.
  const second = await pickServerTarget(deps, vscode.l10n.t('Compare {0} with…', serverLabel(first)), first);
  return second ? [first, second] : undefined;
}

async function compare(
  deps: CommandDeps,
  documents: MetadataDocuments,
  leftTarget: ServerTarget,
  rightTarget: ServerTarget,
): Promise<Comparison> {
  const [left, right] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading metadata to compare…') },
    () => Promise.all([readSide(deps, leftTarget), readSide(deps, rightTarget)]),
  );
  const leftName = sideName(left.target, right.target);
  const rightName = sideName(right.target, left.target);
  const leftUri = documents.add(left.target.profile, serverLabel(left.target), {
    metadata: left.metadata,
    other: right.metadata,
    otherName: rightName,
  });
  const rightUri = documents.add(right.target.profile, serverLabel(right.target), {
    metadata: right.metadata,
    other: left.metadata,
    otherName: leftName,
  });
  const title = vscode.l10n.t('{0} ↔ {1} (metadata)', leftName, rightName);
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title, { preview: false });
  return { title, left: leftUri.toString(), right: rightUri.toString() };
}

/** The server's name, with its profile when the two sides come from different profiles. */
function sideName(side: ServerTarget, other: ServerTarget): string {
  return side.profile === other.profile ? serverLabel(side) : `${serverLabel(side)} (${side.profile})`;
}

async function readSide(
  deps: CommandDeps,
  target: ServerTarget,
): Promise<{ target: ServerTarget; metadata: Record<string, string> }> {
  return failingAbout({ profile: target.profile, serverId: target.serverId }, async () => {
    const client = await deps.clients.get(target.profile, target.region);
    const [named, metadata] = await Promise.all([
      withServerName(deps, target),
      client.listMetadata(target.serverId),
    ]);
    return { target: named, metadata };
  });
}
