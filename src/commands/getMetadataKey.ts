import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { asKeyTarget, type KeyTarget } from '../metadata/keyTarget';
import type { PanelController } from '../panel/panelController';
import type { ProfileStore } from '../profiles/profileStore';
import { pickKeyTarget } from './pickers/pickKeyTarget';

/**
 * `ecsMetadata.getMetadataKey`. With `{ profile, serverId, key }` it skips the pickers, shows the key
 * in the panel and resolves to the value — or rejects with the user-facing message (the contract
 * scripts and tests rely on). Without arguments it asks profile → server → key.
 */
export function registerGetMetadataKey(
  controller: PanelController,
  deps: {
    profiles: ProfileStore;
    clients: ClientProvider;
    revealKey: (target: KeyTarget) => Promise<unknown>;
  },
): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.getMetadataKey', async (arg?: unknown) => {
    const given = asKeyTarget(arg);
    if (given) return (await controller.showKey(given, { interactive: false })).value;
    if (arg !== undefined && !isEmptyArgument(arg)) {
      throw new Error(vscode.l10n.t('Expected arguments {0}.', '{ profile, serverId, key }'));
    }
    const picked = await pickKeyTarget(deps.profiles, deps.clients);
    if (!picked) return undefined;
    // Where the key lives, for the person who asked through the palette; the panel opens meanwhile.
    void deps.revealKey(picked);
    try {
      return (await controller.showKey(picked, { interactive: true })).value;
    } catch {
      // Already shown to the user with its actions; the palette has nobody to reject to.
      return undefined;
    }
  });
}

/** Keybindings and menus may pass an empty object or a URI; those mean "ask". */
function isEmptyArgument(arg: unknown): boolean {
  return (
    arg === null || arg instanceof vscode.Uri || (typeof arg === 'object' && Object.keys(arg).length === 0)
  );
}
