import * as vscode from 'vscode';
import type { HostToPageMessage, PageToHostMessage, PanelView } from './messages';
import { Disposable } from '../lifecycle/disposable';
import { buildPanelHtml, type PanelLabels } from './panelHtml';
import { isPageToHostMessage } from './panelState';
import { createNonce } from './nonce';
import { settings } from '../settings/settings';

export const PANEL_VIEW_TYPE = 'ecsMetadata.value';

/** What the page asks the extension to do; the controller decides how. */
export type PanelRequestHandler = (
  request: Exclude<PageToHostMessage, { type: 'ready' } | { type: 'prettyShown' }>,
  panel: MetadataPanel,
) => void;

/**
 * One webview panel showing one key. It owns the webview and every listener it registers, and
 * queues messages until the page says it is ready — again after each time the page is rebuilt
 * (when a hidden panel is shown, the page reloads and re-sends `ready`).
 */
export class MetadataPanel extends Disposable {
  private view: PanelView | undefined;
  private pageReady = false;
  private pretty = false;
  private readonly queue: HostToPageMessage[] = [];
  private posting = false;
  private nextPost: HostToPageMessage | undefined;
  private postedWaiters: (() => void)[] = [];
  private readonly disposedEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;

  /** Opens a new panel in the active editor column. */
  static create(extensionUri: vscode.Uri, onRequest: PanelRequestHandler): MetadataPanel {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('ECS Metadata'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new MetadataPanel(panel, extensionUri, onRequest);
  }

  /** Adopts a panel VS Code restored after a window reload (see PanelSerializer). */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onRequest: PanelRequestHandler,
  ): MetadataPanel {
    return new MetadataPanel(panel, extensionUri, onRequest);
  }

  private constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onRequest: PanelRequestHandler,
  ) {
    super();
    this.register(webviewPanel);
    const webview = webviewPanel.webview;
    // Restored panels keep the options they were created with; set them again so a reload
    // under a newer version still gets today's limits.
    webview.options = webviewOptions(extensionUri);
    webview.html = buildPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
      lang: vscode.env.language,
      labels: panelLabels(),
    });
    webviewPanel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'ecs-metadata.svg');
    this.register(
      vscode.Disposable.from(
        webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
        webviewPanel.onDidChangeViewState(() => {
          // A panel that is not visible loses its page (no retainContextWhenHidden); hold messages
          // until the rebuilt page says it is ready.
          if (!webviewPanel.visible) this.pageReady = false;
        }),
        webviewPanel.onDidDispose(() => this.dispose()),
      ),
    );
  }

  /** What the panel shows now. */
  get current(): PanelView | undefined {
    return this.view;
  }

  /** True while the page shows the value as pretty JSON (the page says so when it changes). */
  get prettyShown(): boolean {
    return this.pretty && this.view?.value !== undefined;
  }

  get active(): boolean {
    return !this.isDisposed && this.webviewPanel.active;
  }

  /** Shows `view`, masked or not as `ecsMetadata.maskValues` says now. */
  show(view: PanelView): void {
    view = { ...view, masked: settings.maskValues() };
    this.view = view;
    this.webviewPanel.title = vscode.l10n.t('{0} — ECS Metadata', view.target.key);
    this.post({ type: 'show', view });
  }

  /** Brings a hidden panel forward (not the focus); a shown one is left alone, sparing the workbench a call per read. */
  reveal(): void {
    if (!this.webviewPanel.visible) this.webviewPanel.reveal(undefined, true);
  }

  /**
   * Resolves once the workbench has taken every message posted so far (at once when none is on its
   * way, as for a page not ready yet). The workbench handles the extension host's calls in order, so
   * by then it has also handled every title, reveal and progress call made before.
   */
  whenPosted(): Promise<void> {
    if (!this.posting) return Promise.resolve();
    return new Promise((resolve) => this.postedWaiters.push(resolve));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.releasePostedWaiters();
    this.disposedEmitter.fire();
    // Listeners, then the emitter, then the webview panel itself (registered first).
    super.dispose();
  }

  private post(message: HostToPageMessage): void {
    if (this.isDisposed) return;
    if (!this.pageReady) {
      // Only the latest view matters: a page that becomes ready needs one `show`, not the history.
      this.queue.length = 0;
      this.queue.push(message);
      return;
    }
    if (this.posting) {
      this.nextPost = message;
      return;
    }
    this.send(message);
  }

  /**
   * One message to the page at a time: each post waits in VS Code's plumbing (and holds memory there)
   * until the page took it, so posts faster than the page takes them — a script reading thousands of
   * keys — would pile up. Meanwhile only the latest view is kept, as for a page not ready yet.
   */
  private send(message: HostToPageMessage): void {
    this.posting = true;
    const next = (): void => {
      this.posting = false;
      const latest = this.nextPost;
      this.nextPost = undefined;
      if (latest && !this.isDisposed) this.post(latest);
      if (!this.posting) this.releasePostedWaiters();
    };
    this.webviewPanel.webview.postMessage(message).then(next, next);
  }

  private releasePostedWaiters(): void {
    const waiters = this.postedWaiters;
    this.postedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private receive(message: unknown): void {
    if (!isPageToHostMessage(message)) return;
    if (message.type === 'prettyShown') {
      this.pretty = message.shown;
      return;
    }
    if (message.type === 'ready') {
      this.pageReady = true;
      // A rebuilt page starts plain and says when it shows pretty JSON again.
      this.pretty = false;
      const pending = this.queue.splice(0);
      // A rebuilt page has lost what it showed: send the current view even when nothing is queued.
      if (pending.length === 0 && this.view) pending.push({ type: 'show', view: this.view });
      for (const m of pending) this.post(m);
      return;
    }
    this.onRequest(message, this);
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function panelLabels(): PanelLabels {
  return {
    title: vscode.l10n.t('ECS Metadata'),
    copyValue: vscode.l10n.t('Copy Value'),
    refresh: vscode.l10n.t('Refresh'),
    copyJson: vscode.l10n.t('Copy as JSON'),
    prettyJson: vscode.l10n.t('Pretty JSON'),
    value: vscode.l10n.t('Value'),
    server: vscode.l10n.t('Server'),
    profile: vscode.l10n.t('Profile'),
    fetchedAt: vscode.l10n.t('Fetched at'),
    requestId: vscode.l10n.t('Request ID'),
    loading: vscode.l10n.t('Loading…'),
    none: '—',
    reveal: vscode.l10n.t('Reveal'),
    refreshToRead: vscode.l10n.t('Refresh to read'),
  };
}
