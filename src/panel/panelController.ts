import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard/copyToClipboard';
import { CommandId } from '../commandBase/commandIds';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { describeError } from '../errors/userMessage';
import type { KeyTarget } from '../core';
import {
  keyErrorSubject,
  readKeyWithProgress,
  type KeyRead,
  type KeyReaderDeps,
} from '../metadata/readKeyValue';
import type { PanelState, PanelView } from './messages';
import { MetadataPanel, type PanelRequestHandler } from './metadataPanel';
import { viewAsJson } from './viewAsJson';
import { walkthroughStepDone } from '../walkthrough/walkthroughProgress';
import { Setting, onDidChangeSetting } from '../settings/settings';
import { copyShownValue } from './copyShownValue';

/**
 * Keeps the single metadata panel: every key opens in it, a closed one is created again on demand.
 * Reads are always fresh; a read that finishes after a newer one started only updates the panel
 * if it is still the latest.
 */
export class PanelController implements vscode.Disposable {
  private panel: MetadataPanel | undefined;
  private generation = 0;
  /** Aborted when the panel closes: its reads are for nobody then. */
  private reads = new AbortController();
  private readonly maskSubscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: KeyReaderDeps,
  ) {
    this.maskSubscription = onDidChangeSetting([Setting.maskValues], () => this.rerender());
  }

  /** What the panel shows now (undefined when it is closed). */
  get currentView(): PanelView | undefined {
    return this.panel?.current;
  }

  /** The panel's view when it is the active editor, for commands run from the palette while it is focused. */
  get activeView(): PanelView | undefined {
    return this.panel?.active ? this.panel.current : undefined;
  }

  /** True when the active panel shows its value as pretty JSON. */
  get activeShowsPretty(): boolean {
    return this.panel?.active === true && this.panel.prettyShown;
  }

  /**
   * Opens (or reuses) the panel for `target`, reads the key fresh and shows the outcome; a failure
   * shows in the panel and rejects with the error (the command that called decides who hears it).
   */
  async showKey(target: KeyTarget): Promise<KeyRead> {
    const panel = this.ensurePanel();
    panel.reveal();
    return this.readInto(panel, target);
  }

  /** Reads `target` fresh into `panel`, showing the outcome there. */
  private async readInto(panel: MetadataPanel, target: KeyTarget): Promise<KeyRead> {
    const generation = ++this.generation;
    const previous = panel.current;
    // Keep the old value on screen during a refresh of the same key; a new key starts empty.
    const sameKey = previous !== undefined && sameTarget(previous.target, target);
    panel.show({ ...(sameKey ? previous : {}), target, loading: true, error: undefined });
    try {
      const read = await readKeyWithProgress(this.deps, target, this.reads.signal);
      if (generation === this.generation && this.panel === panel) panel.show(viewOf(read));
      walkthroughStepDone('readKey');
      return read;
    } catch (err) {
      if (generation === this.generation && this.panel === panel) {
        const { message } = describeError(err, keyErrorSubject(this.deps, target));
        panel.show({ target, loading: false, error: errorOf(message, err) });
      }
      throw err;
    } finally {
      // Resolve only once the workbench has taken what this read showed. Nothing else here waits
      // for it: a script showing thousands of reads ran thousands of calls ahead, each held in the
      // extension host until answered (8 MiB per 3,000 reads).
      await panel.whenPosted();
    }
  }

  /** After a write: reads the shown key again when it is one of `keys` of that server (quietly). */
  refreshIfShowing(profile: string, serverId: string, keys: readonly string[]): void {
    const panel = this.panel;
    const target = panel?.current?.target;
    if (!panel || !target || target.profile !== profile || target.serverId !== serverId) return;
    if (!keys.includes(target.key)) return;
    // Not revealed: a refresh after a write leaves focus where it is.
    this.readInto(panel, target).catch(() => undefined);
  }

  /**
   * Takes over a panel VS Code restored after a reload. Its saved state names the key, never the
   * value: the value is read again (one GET) while the profile exists; otherwise the panel shows
   * the key with "Refresh to read".
   */
  restore(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined): void {
    this.panel?.dispose();
    const panel = MetadataPanel.revive(webviewPanel, this.extensionUri, this.handleRequest);
    this.adopt(panel);
    if (!state) return;
    if (this.deps.profiles.get(state.target.profile)) {
      // Not revealed (VS Code is restoring it where it was); failures land in the panel, nobody clicked.
      this.readInto(panel, state.target).catch(() => undefined);
    } else {
      panel.show({ target: state.target, loading: false });
    }
  }

  /** Shows the current view again, after `ecsMetadata.maskValues` changed. */
  private rerender(): void {
    const view = this.panel?.current;
    if (view) this.panel?.show(view);
  }

  dispose(): void {
    this.maskSubscription.dispose();
    this.panel?.dispose();
    this.panel = undefined;
  }

  private ensurePanel(): MetadataPanel {
    if (this.panel) return this.panel;
    const panel = MetadataPanel.create(this.extensionUri, this.handleRequest);
    this.adopt(panel);
    return panel;
  }

  private adopt(panel: MetadataPanel): void {
    this.panel = panel;
    const reads = new AbortController();
    this.reads = reads;
    panel.onDidDispose(() => {
      reads.abort();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private readonly handleRequest: PanelRequestHandler = (request, panel) => {
    const view = panel.current;
    if (!view) return;
    switch (request.type) {
      case 'refresh':
        // The button is a person asking: the command shows a failure to them, with its actions.
        void vscode.commands.executeCommand(CommandId.openKey, onBehalfOfPerson(view.target));
        return;
      case 'copyValue':
        // Copies what the user sees, so the clipboard never differs from the panel.
        if (view.value !== undefined) void copyShownValue({ ...view, value: view.value }, panel.prettyShown);
        return;
      case 'copyJson':
        if (view.value !== undefined) void copyToClipboard(viewAsJson(view), view.target.key);
        return;
    }
  };
}

function viewOf(read: KeyRead): PanelView {
  const view: PanelView = {
    target: read.target,
    loading: false,
    value: read.value,
    fetchedAt: read.fetchedAt,
  };
  if (read.requestId !== undefined) view.requestId = read.requestId;
  return view;
}

function errorOf(message: string, err: unknown): PanelView['error'] {
  const requestId = (err as { requestId?: unknown } | null)?.requestId;
  return typeof requestId === 'string' ? { message, requestId } : { message };
}

function sameTarget(a: KeyTarget, b: KeyTarget): boolean {
  return a.profile === b.profile && a.region === b.region && a.serverId === b.serverId && a.key === b.key;
}
