/**
 * The panel's page script (media/panel.js) run under plain Node with a small stand-in for the DOM
 * and the webview API: what it saves with setState (VS Code writes that to disk) and how it shows a
 * masked value. What a real browser renders is the end-to-end walk's part.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { PanelView } from '../../src/panel/messages';

const script = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'media', 'panel.js'), 'utf8');

interface FakeElement {
  textContent: string;
  hidden: boolean;
  disabled: boolean;
  checked: boolean;
  title: string;
  dataset: Record<string, string>;
  classList: { toggle(name: string, on?: boolean): void };
  addEventListener(type: string, listener: () => void): void;
  focus(): void;
  click(): void;
}

function fakeElement(): FakeElement {
  const listeners: (() => void)[] = [];
  return {
    textContent: '',
    hidden: false,
    disabled: false,
    checked: false,
    title: '',
    dataset: {},
    classList: { toggle: () => undefined },
    addEventListener: (_type, listener) => listeners.push(listener),
    focus: () => undefined,
    click: () => listeners.forEach((l) => l()),
  };
}

/** Loads the page with `saved` as its state; returns its elements, what it saved and posted, and a way to send it messages. */
function loadPage(saved?: unknown): {
  el: (id: string) => FakeElement;
  states: unknown[];
  posted: unknown[];
  show: (view: PanelView) => void;
} {
  const elements = new Map<string, FakeElement>();
  const el = (id: string): FakeElement => {
    let found = elements.get(id);
    if (!found) elements.set(id, (found = fakeElement()));
    return found;
  };
  // The markup leaves these hidden until there is something for them.
  el('reveal').hidden = true;
  el('pretty-json-label').hidden = true;
  const states: unknown[] = [];
  const posted: unknown[] = [];
  let onMessage: ((event: { data: unknown }) => void) | undefined;
  const body = fakeElement();
  body.dataset = { loading: 'Loading…', none: '—', refreshToRead: 'Refresh to read' };
  vm.runInNewContext(script, {
    acquireVsCodeApi: () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => saved,
      setState: (s: unknown) => states.push(JSON.parse(JSON.stringify(s))),
    }),
    document: { getElementById: el, body, documentElement: { lang: 'en' } },
    window: {
      addEventListener: (_type: string, listener: (event: { data: unknown }) => void) => {
        onMessage = listener;
      },
    },
    JSON,
    Date,
    Number,
  });
  return {
    el,
    states,
    posted,
    show: (view) => onMessage?.({ data: { type: 'show', view } }),
  };
}

const target = { profile: 'p', serverId: '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11', key: 'db.password' };
const secret = 'hunter2-very-secret';

describe('panel page (media/panel.js)', () => {
  it('saves with setState only the target and the view option, never the value', () => {
    const page = loadPage();
    page.show({ target, loading: true });
    page.show({ target, loading: false, value: `{"password":"${secret}"}`, requestId: 'req-1' });
    page.el('pretty-json').checked = true;
    assert.ok(page.states.length >= 2);
    for (const state of page.states) {
      assert.deepEqual(Object.keys(state as object).sort(), ['prettyJson', 'target']);
      assert.ok(!JSON.stringify(state).includes(secret), JSON.stringify(state));
      assert.ok(!JSON.stringify(state).includes('req-1'));
    }
    assert.equal(page.el('value').textContent, `{"password":"${secret}"}`);
  });

  it('restored from its state, shows the key with "Refresh to read" and no value, then says ready', () => {
    const page = loadPage({ target, prettyJson: true });
    assert.equal(page.el('key').textContent, 'db.password');
    assert.equal(page.el('value').textContent, 'Refresh to read');
    assert.equal(page.el('copy-value').disabled, true);
    assert.deepEqual(page.posted, [{ type: 'ready' }]);
  });

  it('restored from a 0.1.0 state that held the value, shows nothing of it', () => {
    const page = loadPage({ view: { target, loading: false, value: secret }, prettyJson: false });
    assert.ok(!page.el('value').textContent.includes(secret));
  });

  it('masks a value until Reveal, for as long as it shows that key; Copy still asks for the real value', () => {
    const page = loadPage();
    page.show({ target, loading: false, value: secret, masked: true });
    assert.equal(page.el('value').textContent, '••••••');
    assert.equal(page.el('reveal').hidden, false);
    page.el('copy-value').click();
    assert.deepEqual(page.posted.at(-1), { type: 'copyValue' });

    page.el('reveal').click();
    assert.equal(page.el('value').textContent, secret);
    assert.equal(page.el('reveal').hidden, true);
    // A refresh of the same key keeps it revealed; another key is masked again.
    page.show({ target, loading: false, value: secret, masked: true });
    assert.equal(page.el('value').textContent, secret);
    page.show({ target: { ...target, key: 'other' }, loading: false, value: secret, masked: true });
    assert.equal(page.el('value').textContent, '••••••');
  });

  it('shows the value itself when masking is off', () => {
    const page = loadPage();
    page.show({ target, loading: false, value: secret, masked: false });
    assert.equal(page.el('value').textContent, secret);
    assert.equal(page.el('reveal').hidden, true);
  });
});
