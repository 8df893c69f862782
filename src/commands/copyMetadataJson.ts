import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { metadataObjectJson } from '../export/metadataJson';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { registerCommand } from './registerCommand';
import { expectedServerArgs, pickServerTarget, serverLabel, serverTargetOf } from './serverTarget';

/**
 * `ecsMetadata.copyMetadataJson` — Copy Metadata as JSON: every key of a server, read fresh, as a
 * JSON object with sorted keys. On a server in the tree, from the palette (pick one), or from a
 * script with `{ profile, serverId }`; resolves to the text copied.
 */
export function registerCopyMetadataJson(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.copyMetadataJson, async (call) => {
    const given = serverTargetOf(call.arg);
    if (!call.byPerson && !given) throw expectedServerArgs();
    const target = given ?? (await pickServerTarget(deps, vscode.l10n.t('Copy Metadata as JSON')));
    if (!target) return undefined;
    call.subject = { profile: target.profile, serverId: target.serverId };
    const client = await deps.clients.get(target.profile, target.region);
    const text = metadataObjectJson(await client.listMetadata(target.serverId));
    await copyToClipboard(text, vscode.l10n.t('the metadata of {0}', serverLabel(target)));
    return text;
  });
}
