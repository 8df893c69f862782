/**
 * Every user-visible string has a Simplified Chinese translation: each `l10n.t('…')` literal under
 * src/ has an entry in media/l10n/bundle.l10n.zh-cn.json (with the same placeholders), and each
 * `%key%` in package.json has an entry in package.nls.json and package.nls.zh-cn.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

interface L10nCall {
  file: string;
  line: number;
  /** The message literal, or undefined when the first argument is not a plain string literal. */
  message: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Finds `l10n.t(...)` calls (as `vscode.l10n.t` or an imported `l10n`) by parsing, not by regex. */
function l10nCalls(file: string): L10nCall[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const calls: L10nCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nT(node.expression)) {
      const first = node.arguments[0];
      const message =
        first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))
          ? first.text
          : undefined;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      calls.push({ file: path.relative(root, file), line, message });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

function isL10nT(expression: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(expression) || expression.name.text !== 't') return false;
  const owner = expression.expression;
  return (
    (ts.isIdentifier(owner) && owner.text === 'l10n') ||
    (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n')
  );
}

function readJson(relative: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as Record<string, unknown>;
}

function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{[^{}\s]+\}/g) ?? [])].sort();
}

/** Every `%key%` string value anywhere in package.json. */
function nlsKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%([^%]+)%$/.exec(value);
    if (match) found.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) nlsKeys(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) nlsKeys(item, found);
  }
  return found;
}

describe('localization', () => {
  const calls = sourceFiles(path.join(root, 'src')).flatMap(l10nCalls);
  const messages = new Set(calls.flatMap((c) => (c.message === undefined ? [] : [c.message])));
  const bundlePath = 'media/l10n/bundle.l10n.zh-cn.json';

  it('finds the l10n.t calls of src/ (the scan itself works)', () => {
    assert.ok(messages.size > 10, `only ${messages.size} messages found under src/`);
  });

  it('passes a plain string literal to every l10n.t call, so it can be translated ahead of time', () => {
    const dynamic = calls.filter((c) => c.message === undefined).map((c) => `${c.file}:${c.line}`);
    assert.deepEqual(dynamic, []);
  });

  it('points package.json "l10n" at media/l10n', () => {
    assert.equal(readJson('package.json').l10n, './media/l10n');
  });

  it('has a non-empty zh-cn translation of every l10n.t message', () => {
    const bundle = readJson(bundlePath);
    const missing = [...messages].filter(
      (m) => typeof bundle[m] !== 'string' || (bundle[m] as string).trim() === '',
    );
    assert.deepEqual(missing, [], `add these to ${bundlePath}`);
  });

  it('keeps the same {placeholders} in each zh-cn translation', () => {
    const bundle = readJson(bundlePath);
    const wrong = Object.entries(bundle)
      .filter(([message, translated]) => typeof translated === 'string' && messages.has(message))
      .filter(
        ([message, translated]) => placeholders(message).join() !== placeholders(translated as string).join(),
      )
      .map(([message]) => message);
    assert.deepEqual(wrong, []);
  });

  it('holds no zh-cn entries that no source string uses any more', () => {
    const stale = Object.keys(readJson(bundlePath)).filter((m) => !messages.has(m));
    assert.deepEqual(stale, [], `remove these from ${bundlePath}`);
  });

  it('has every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...nlsKeys(readJson('package.json'))];
    assert.ok(keys.length > 0, 'package.json uses no %key% at all');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = readJson(file);
      const missing = keys.filter((k) => typeof nls[k] !== 'string' || (nls[k] as string).trim() === '');
      assert.deepEqual(missing, [], `missing in ${file}`);
    }
  });
});
