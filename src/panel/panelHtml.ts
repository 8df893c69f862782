/**
 * The panel's HTML: static markup only. Values, server names and everything read from the cloud
 * reach the page by postMessage and are set as text there, so nothing fetched is ever parsed as HTML.
 * Kept free of `vscode` so plain-Node tests can check the CSP and the markup.
 */

export interface PanelLabels {
  title: string;
  copyValue: string;
  refresh: string;
  copyJson: string;
  prettyJson: string;
  value: string;
  server: string;
  profile: string;
  fetchedAt: string;
  requestId: string;
  /** Shown while a read is in flight. */
  loading: string;
  /** Shown for a detail that is not known (no request id, never fetched). */
  none: string;
  /** Shows a masked value (`ecsMetadata.maskValues`) while the panel shows it. */
  reveal: string;
  /** Where the value would be when none was read (a panel restored after a reload whose profile is gone). */
  refreshToRead: string;
}

export interface PanelHtmlInput {
  /** `webview.cspSource`: the only origin styles (and the script file) may come from. */
  cspSource: string;
  /** A fresh random nonce per render; see `createNonce`. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 language of the labels, e.g. `en` or `zh-cn`. */
  lang: string;
  labels: PanelLabels;
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

export function buildPanelHtml(input: PanelHtmlInput): string {
  // Both values are spliced into the CSP itself; anything that could close a directive is refused.
  if (!NONCE.test(input.nonce)) throw new Error('Panel nonce must be base64 of at least 16 characters.');
  if (!isSourceList(input.cspSource)) throw new Error('Unexpected webview CSP source.');

  const csp = [
    "default-src 'none'",
    `style-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
    `img-src ${input.cspSource}`,
    `font-src ${input.cspSource}`,
  ].join('; ');
  const l = input.labels;
  const t = escapeHtml;

  return `<!DOCTYPE html>
<html lang="${t(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${t(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${t(input.styleUri)}">
<title>${t(l.title)}</title>
</head>
<body data-loading="${t(l.loading)}" data-none="${t(l.none)}" data-refresh-to-read="${t(l.refreshToRead)}">
<main>
<header>
<h1 id="key"></h1>
<span id="status" role="status" aria-live="polite"></span>
</header>
<div class="toolbar">
<button id="copy-value" type="button">${t(l.copyValue)}</button>
<button id="refresh" type="button" class="secondary">${t(l.refresh)}</button>
<button id="copy-json" type="button" class="secondary">${t(l.copyJson)}</button>
<button id="reveal" type="button" class="secondary" hidden>${t(l.reveal)}</button>
<label id="pretty-json-label" class="toggle" hidden><input id="pretty-json" type="checkbox"> ${t(l.prettyJson)}</label>
</div>
<div id="error" role="alert" hidden></div>
<section aria-label="${t(l.value)}">
<pre id="value" class="value" tabindex="0"></pre>
</section>
<dl class="details">
<dt>${t(l.server)}</dt><dd id="server"></dd>
<dt>${t(l.profile)}</dt><dd id="profile"></dd>
<dt>${t(l.fetchedAt)}</dt><dd id="fetched-at"></dd>
<dt>${t(l.requestId)}</dt><dd id="request-id"></dd>
</dl>
</main>
<script nonce="${t(input.nonce)}" src="${t(input.scriptUri)}"></script>
</body>
</html>
`;
}

/**
 * `webview.cspSource` is a source list such as `'self' https://*.vscode-cdn.net`: `'self'` or host
 * sources, nothing that ends a directive or loosens it.
 */
function isSourceList(sources: string): boolean {
  const tokens = sources.trim().split(/ +/);
  return tokens.every(
    (token) => token === "'self'" || /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/)?[^\s;,'"]+$/.test(token),
  );
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
