import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE } from './metadataPanel';
import type { PanelController } from './panelController';
import { PanelSerializer } from './panelSerializer';

/** Brings the metadata panel back after a window reload; the commands that fill it are in commands/. */
export function registerPanelSerializer(panel: PanelController): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, new PanelSerializer(panel));
}
