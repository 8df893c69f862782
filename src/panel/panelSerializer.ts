import type * as vscode from 'vscode';
import { isPanelState } from './panelState';
import type { PanelController } from './panelController';

/**
 * Brings the panel back after a window reload with what its page saved (`vscode.setState`).
 * It shows the saved read without fetching again: activation does no network I/O, and the
 * panel's Refresh button is one click away.
 */
export class PanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly controller: PanelController) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.controller.restore(webviewPanel, isPanelState(state) ? state : undefined);
  }
}
