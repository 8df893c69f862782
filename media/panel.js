// @ts-check
/**
 * The metadata panel's page. It renders what the extension posts, always as text (textContent),
 * and tells the extension when it is ready to receive — the extension queues its messages until
 * then. It saves with setState only which key it shows and how (VS Code writes that state to disk),
 * never the value: after a reload the extension reads the value again.
 */

/** @typedef {import('../src/panel/messages').PanelView} PanelView */
/** @typedef {import('../src/panel/messages').PanelState} PanelState */
/** @typedef {import('../src/panel/messages').HostToPageMessage} HostToPageMessage */
/** @typedef {import('../src/panel/messages').PageToHostMessage} PageToHostMessage */
/**
 * @typedef {object} VsCodeApi
 * @property {(message: PageToHostMessage) => void} postMessage
 * @property {() => PanelState | undefined} getState
 * @property {(state: PanelState) => void} setState
 */

(function () {
  /** @type {() => VsCodeApi} */
  // @ts-expect-error -- injected by the webview host as a global, not declared for TypeScript.
  const acquire = acquireVsCodeApi;
  const vscode = acquire();

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function element(id) {
    const found = document.getElementById(id);
    if (!found) throw new Error(`panel: missing #${id}`);
    return found;
  }

  const keyEl = element('key');
  const statusEl = element('status');
  const errorEl = element('error');
  const valueEl = element('value');
  const serverEl = element('server');
  const profileEl = element('profile');
  const fetchedAtEl = element('fetched-at');
  const requestIdEl = element('request-id');
  const copyValueButton = /** @type {HTMLButtonElement} */ (element('copy-value'));
  const refreshButton = /** @type {HTMLButtonElement} */ (element('refresh'));
  const copyJsonButton = /** @type {HTMLButtonElement} */ (element('copy-json'));
  const revealButton = /** @type {HTMLButtonElement} */ (element('reveal'));
  const prettyLabel = element('pretty-json-label');
  const prettyToggle = /** @type {HTMLInputElement} */ (element('pretty-json'));

  const loadingText = document.body.dataset.loading || '';
  const noneText = document.body.dataset.none || '';
  const refreshToReadText = document.body.dataset.refreshToRead || '';
  const MASK = '••••••';

  /** Whether the value shows as pretty JSON now, and what the host was last told of it (after `ready`). */
  let prettyNow = false;
  /** @type {boolean | undefined} */
  let prettyPosted;

  function tellPretty() {
    if (prettyPosted === undefined || prettyNow === prettyPosted) return;
    prettyPosted = prettyNow;
    vscode.postMessage({ type: 'prettyShown', shown: prettyNow });
  }

  const saved = vscode.getState();
  /** @type {PanelView | undefined} */
  let view = saved && saved.target ? { target: saved.target, loading: false } : undefined;
  prettyToggle.checked = saved ? saved.prettyJson === true : false;
  /** The key whose masked value the user revealed; only while this page shows it. */
  let revealedKey = '';

  /** @param {PanelView} shown */
  function keyOf(shown) {
    const { profile, serverId, key } = shown.target;
    return JSON.stringify([profile, serverId, key]);
  }

  /**
   * A value is shown pretty only when it is a JSON object or array; a bare number or string gains nothing.
   * @param {string} text
   * @returns {unknown}
   */
  function parseJsonStructure(text) {
    try {
      const parsed = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  // The page's own locale is the browser's (code-server: whatever the browser is set to), not VS
  // Code's display language; dates follow the labels instead (html lang is vscode.env.language).
  const locale = document.documentElement.lang || undefined;

  /** @param {string} iso */
  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    try {
      return date.toLocaleString(locale);
    } catch {
      return date.toLocaleString(); // A language tag Intl does not accept.
    }
  }

  function render() {
    if (!view) return;
    const { target } = view;
    keyEl.textContent = target.key;
    serverEl.textContent = target.serverName ? `${target.serverName} (${target.serverId})` : target.serverId;
    profileEl.textContent = target.profile;
    fetchedAtEl.textContent = view.fetchedAt ? formatTime(view.fetchedAt) : noneText;
    fetchedAtEl.title = view.fetchedAt || '';
    requestIdEl.textContent = view.requestId || (view.error && view.error.requestId) || noneText;
    statusEl.textContent = view.loading ? loadingText : '';
    document.body.classList.toggle('loading', view.loading);

    errorEl.hidden = !view.error;
    errorEl.textContent = view.error ? view.error.message : '';

    const value = view.value;
    const hidden = value !== undefined && view.masked === true && revealedKey !== keyOf(view);
    revealButton.hidden = !hidden;
    const structure = value === undefined || hidden ? undefined : parseJsonStructure(value);
    prettyLabel.hidden = structure === undefined;
    const pretty = structure !== undefined && prettyToggle.checked;
    const unread = value === undefined && !view.loading && !view.error;
    valueEl.textContent =
      value === undefined
        ? unread
          ? refreshToReadText
          : ''
        : hidden
          ? MASK
          : pretty
            ? JSON.stringify(structure, null, 2)
            : value;
    valueEl.classList.toggle('empty', value === '' || unread);
    valueEl.classList.toggle('pretty', pretty);
    prettyNow = pretty;
    tellPretty();

    copyValueButton.disabled = value === undefined;
    copyJsonButton.disabled = value === undefined;
    refreshButton.disabled = view.loading;
  }

  function save() {
    if (view) vscode.setState({ target: view.target, prettyJson: prettyToggle.checked });
  }

  window.addEventListener('message', (event) => {
    /** @type {HostToPageMessage} */
    const message = event.data;
    if (!message || message.type !== 'show') return;
    // A revealed value stays revealed while the same key is shown (a refresh); another key is masked.
    if (view && keyOf(view) !== keyOf(message.view)) revealedKey = '';
    view = message.view;
    render();
    save();
  });

  copyValueButton.addEventListener('click', () => vscode.postMessage({ type: 'copyValue' }));
  copyJsonButton.addEventListener('click', () => vscode.postMessage({ type: 'copyJson' }));
  refreshButton.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  revealButton.addEventListener('click', () => {
    if (!view) return;
    revealedKey = keyOf(view);
    render();
    valueEl.focus();
  });
  prettyToggle.addEventListener('change', () => {
    render();
    save();
  });

  // Show what was saved at once (after a reload or re-show), then ask for the current view.
  render();
  vscode.postMessage({ type: 'ready' });
  // The host starts a new page as plain; tell it if this one shows pretty JSON.
  prettyPosted = false;
  tellPretty();
})();
