import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { serverLabel } from '../core';
import { metadataObjectJson } from '../export/metadataJson';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { registerDeclared } from './registerDeclared';
import { pickServerTarget, serverTargetOfNode } from './serverTarget';

/**
 * `ecsMetadata.copyMetadataJson` — Copy Metadata as JSON: every key of a server, read fresh, as a
 * JSON object with sorted keys. On a server in the tree, from the palette (pick one), or from a
 * script with `{ profile, serverId }`; resolves to the text copied.
 */
export function registerCopyMetadataJson(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.copyMetadataJson, async (call) => {
    const target =
      call.script ??
      serverTargetOfNode(call.arg) ??
      (await pickServerTarget(deps, vscode.l10n.t('Copy Metadata as JSON')));
    if (!target) return undefined;
    call.subject = { profile: target.profile, serverId: target.serverId };
    const client = await deps.clients.get(target.profile, target.region);
    const text = metadataObjectJson(await client.listMetadata(target.serverId));
    await copyToClipboard(text, vscode.l10n.t('the metadata of {0}', serverLabel(target, 'name')));
    return text;
  });
}
