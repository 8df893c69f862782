import * as vscode from 'vscode';
import { registerCopyValue } from '../commands/copyValue';
import { registerGetMetadataKey } from '../commands/getMetadataKey';
import { registerOpenKey } from '../commands/openKey';
import type { ClientProvider } from '../clients/clientProvider';
import type { ProfileStore } from '../profiles/profileStore';
import { PANEL_VIEW_TYPE } from './metadataPanel';
import { PanelController } from './panelController';
import { PanelSerializer } from './panelSerializer';

/** No log: requests are logged by the client provider, and values are never logged. */
export interface PanelFeatureDeps {
  profiles: ProfileStore;
  clients: ClientProvider;
}

/** The metadata panel, its serializer, and the commands that read keys: openKey, getMetadataKey, copyValue. */
export function registerPanelFeatures(
  context: vscode.ExtensionContext,
  deps: PanelFeatureDeps,
): PanelController {
  const controller = new PanelController(context.extensionUri, deps);
  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, new PanelSerializer(controller)),
    registerOpenKey(controller),
    registerGetMetadataKey(controller, deps.profiles, deps.clients),
    registerCopyValue(controller, deps.profiles, deps.clients),
  );
  return controller;
}
