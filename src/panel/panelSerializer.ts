import type * as vscode from 'vscode';
import { panelStateOf } from './panelState';
import type { PanelController } from './panelController';

/**
 * Brings the panel back after a window reload (or Reopen Closed Editor) from what its page saved
 * (`vscode.setState`): the key, never its value, which is read again.
 */
export class PanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly controller: PanelController) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.controller.restore(webviewPanel, panelStateOf(state));
  }
}
