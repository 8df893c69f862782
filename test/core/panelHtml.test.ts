/** The panel's HTML, CSP and page-state guards, checked under plain Node (these modules never import vscode). */
import * as assert from 'node:assert/strict';
import { buildPanelHtml, escapeHtml, type PanelHtmlInput } from '../../src/panel/panelHtml';
import { createNonce } from '../../src/panel/nonce';
import { isPageToHostMessage, panelStateOf } from '../../src/panel/panelState';
import { viewAsJson } from '../../src/panel/viewAsJson';
import type { PanelView } from '../../src/panel/messages';

const cspSource = 'https://*.vscode-cdn.net';

function input(overrides: Partial<PanelHtmlInput> = {}): PanelHtmlInput {
  return {
    cspSource,
    nonce: createNonce(),
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
    lang: 'en',
    labels: {
      title: 'ECS Metadata',
      copyValue: 'Copy Value',
      refresh: 'Refresh',
      copyJson: 'Copy as JSON',
      prettyJson: 'Pretty JSON',
      value: 'Value',
      server: 'Server',
      profile: 'Profile',
      fetchedAt: 'Fetched at',
      requestId: 'Request ID',
      loading: 'Loading…',
      none: '—',
      reveal: 'Reveal',
      refreshToRead: 'Refresh to read',
    },
    ...overrides,
  };
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'no CSP meta tag');
  return match[1].replace(/&#39;/g, "'");
}

describe('panel HTML', () => {
  it('starts its CSP with default-src none and allows scripts only by nonce, styles only from cspSource', () => {
    const nonce = createNonce();
    const csp = cspOf(buildPanelHtml(input({ nonce })));
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    assert.equal(csp.split(';')[0].trim(), "default-src 'none'");
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [cspSource]);
    const all = [...directives.values()].flat();
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
      assert.ok(!all.includes(loose), `CSP allows ${loose}`);
    }
    assert.ok(!directives.has('connect-src'), 'the page needs no network access');
  });

  it('puts the nonce on every script and loads no inline script or style', () => {
    const nonce = createNonce();
    const html = buildPanelHtml(input({ nonce }));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length >= 1);
    for (const tag of scripts) {
      assert.ok(tag.includes(`nonce="${nonce}"`), `script without the nonce: ${tag}`);
      assert.ok(/\ssrc="/.test(tag), `inline script: ${tag}`);
    }
    assert.ok(!/<script\b[^>]*>[^<\s]/.test(html), 'a script tag has inline content');
    assert.ok(!/<style\b/.test(html) && !/\sstyle="/.test(html), 'inline styles need unsafe-inline');
    assert.ok(!/\son[a-z]+="/.test(html), 'inline event handlers need unsafe-inline');
  });

  it('gives the page the element ids the e2e walk and panel.js rely on', () => {
    const html = buildPanelHtml(input());
    for (const id of [
      'key',
      'value',
      'server',
      'profile',
      'fetched-at',
      'request-id',
      'error',
      'copy-value',
      'refresh',
      'copy-json',
      'pretty-json',
      'reveal',
    ]) {
      assert.ok(html.includes(`id="${id}"`), `missing #${id}`);
    }
  });

  it('escapes labels, so a translation cannot inject markup', () => {
    const base = input();
    const html = buildPanelHtml({
      ...base,
      labels: { ...base.labels, refresh: '<img src=x onerror=alert(1)>"' },
    });
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;'));
  });

  it('refuses a nonce or cspSource that could break out of the CSP', () => {
    assert.throws(() => buildPanelHtml(input({ nonce: "abc'; script-src *" })));
    assert.throws(() => buildPanelHtml(input({ nonce: 'short' })));
    assert.throws(() => buildPanelHtml(input({ cspSource: "https://x; script-src 'unsafe-inline'" })));
    assert.throws(() => buildPanelHtml(input({ cspSource: "'unsafe-inline'" })));
    assert.throws(() => buildPanelHtml(input({ cspSource: 'https://x, *' })));
    assert.throws(() => buildPanelHtml(input({ cspSource: '*' })));
  });

  it("accepts VS Code's real cspSource forms, including 'self' before the CDN host", () => {
    for (const source of [cspSource, "'self' https://*.vscode-cdn.net", 'vscode-webview://abc123']) {
      const csp = cspOf(buildPanelHtml(input({ cspSource: source })));
      assert.ok(csp.includes(`style-src ${source};`), csp);
    }
  });

  it('never contains values or secrets: the builder has no input for them', () => {
    // The only dynamic inputs are the ones typed in PanelHtmlInput; a value or key would have to
    // come through labels, which carry only localized UI text. Check the markup's data slots are empty.
    const html = buildPanelHtml(input());
    for (const id of ['key', 'value', 'server', 'profile', 'fetched-at', 'request-id', 'error']) {
      const slot = new RegExp(`id="${id}"[^>]*></`);
      assert.ok(slot.test(html), `#${id} is not empty in the HTML`);
    }
    assert.ok(!/X-Auth-Token|Authorization|secretKey|password/i.test(html));
  });

  it('creates a fresh 128-bit base64 nonce each time', () => {
    const a = createNonce();
    const b = createNonce();
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });

  it('escapes all five HTML-significant characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('panel state and messages', () => {
  const view: PanelView = {
    target: {
      profile: 'p',
      serverId: '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11',
      key: 'owner',
      serverName: 'web-01',
    },
    loading: false,
    value: 'team-web',
    fetchedAt: '2025-01-01T00:00:00.000Z',
    requestId: 'req-1',
  };

  it('keeps of a saved state only the target and the view option, never a value', () => {
    const { target } = view;
    assert.deepEqual(panelStateOf({ target, prettyJson: true }), { target, prettyJson: true });
    // A state saved by 0.1.0 held the whole view, value included: only its target is taken.
    const legacy = panelStateOf({ view: { ...view, error: { message: 'x' } }, prettyJson: false });
    assert.deepEqual(legacy, { target, prettyJson: false });
    assert.ok(!JSON.stringify(legacy).includes('team-web'));
    const extra = panelStateOf({
      target: { ...target, value: 'team-web' },
      value: 'team-web',
      prettyJson: true,
    });
    assert.ok(!JSON.stringify(extra).includes('team-web'));
    assert.equal(panelStateOf(undefined), undefined);
    assert.equal(panelStateOf({ target }), undefined);
    assert.equal(panelStateOf({ target: { profile: 'p', key: 'k' }, prettyJson: false }), undefined);
  });

  it('accepts only the page messages it knows', () => {
    for (const type of ['ready', 'copyValue', 'copyJson', 'refresh'])
      assert.ok(isPageToHostMessage({ type }));
    assert.ok(!isPageToHostMessage({ type: 'runCommand' }));
    assert.ok(!isPageToHostMessage('ready'));
    assert.ok(!isPageToHostMessage(null));
  });

  it('copies as JSON the value with its profile, server, time and request id', () => {
    assert.deepEqual(JSON.parse(viewAsJson(view)), {
      profile: 'p',
      server: { id: view.target.serverId, name: 'web-01' },
      key: 'owner',
      value: 'team-web',
      fetchedAt: '2025-01-01T00:00:00.000Z',
      requestId: 'req-1',
    });
    const bare = JSON.parse(
      viewAsJson({ target: { profile: 'p', serverId: 's', key: 'k' }, loading: false, value: '' }),
    );
    assert.equal(bare.value, '');
    assert.equal(bare.server.name, null);
    assert.equal(bare.requestId, null);
  });
});
