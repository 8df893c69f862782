import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { describeError, showError } from '../errors/userMessage';
import { metadataObjectJson } from '../export/metadataJson';
import { ServerNode } from '../tree/serverNode';
import type { CommandDeps } from './commandDeps';
import { expectedServerArgs, pickServerTarget, serverLabel, serverTargetOf } from './serverTarget';

/**
 * `ecsMetadata.copyMetadataJson` — Copy Metadata as JSON: every key of a server, read fresh, as a
 * JSON object with sorted keys. On a server in the tree, from the palette (pick one), or from a
 * script with `{ profile, serverId }`; resolves to the text copied.
 */
export function registerCopyMetadataJson(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.copyMetadataJson', async (arg?: unknown) => {
    const byScript = arg !== undefined && !(arg instanceof ServerNode);
    const given = serverTargetOf(arg);
    if (byScript && !given) throw expectedServerArgs();
    const target = given ?? (await pickServerTarget(deps, vscode.l10n.t('Copy Metadata as JSON')));
    if (!target) return undefined;
    try {
      const client = await deps.clients.get(target.profile);
      const text = metadataObjectJson(await client.listMetadata(target.serverId));
      await copyToClipboard(text, vscode.l10n.t('the metadata of {0}', serverLabel(target)));
      return text;
    } catch (err) {
      const context = { profile: target.profile, serverId: target.serverId };
      if (byScript) throw new Error(describeError(err, context).message);
      void showError(err, context);
      return undefined;
    }
  });
}
