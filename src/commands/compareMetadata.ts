import * as vscode from 'vscode';
import { MetadataDocuments } from '../compare/metadataDocuments';
import { serverLabel, type ServerTarget } from '../core';
import { ServerNode } from '../tree/serverNode';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { failingAbout } from './failureSubject';
import { registerDeclared } from './registerDeclared';
import { pickServerTarget, serverTargetOfNode, withServerName } from './serverTarget';

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
  const command = registerDeclared(
    scriptCommands.compareMetadata,
    async (call): Promise<Comparison | undefined> => {
      const pair = call.script ?? (await personPair(deps, call.arg, call.selection));
      if (!pair) return undefined;
      return compare(deps, documents, pair[0], pair[1]);
    },
  );
  return vscode.Disposable.from(command, documents);
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
    return [serverTargetOfNode(chosen[0]), serverTargetOfNode(chosen[1])] as [ServerTarget, ServerTarget];
  const first = serverTargetOfNode(arg) ?? (await pickServerTarget(deps, title));
  if (!first) return undefined;
  // The server itself is not offered: comparing it with itself shows nothing.
  const second = await pickServerTarget(
    deps,
    vscode.l10n.t('Compare {0} with…', serverLabel(first, 'name')),
    first,
  );
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
  const leftUri = documents.add(left.target.profile, serverLabel(left.target, 'name'), {
    metadata: left.metadata,
    other: right.metadata,
    otherName: rightName,
  });
  const rightUri = documents.add(right.target.profile, serverLabel(right.target, 'name'), {
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
  const name = serverLabel(side, 'name');
  return side.profile === other.profile ? name : `${name} (${side.profile})`;
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
