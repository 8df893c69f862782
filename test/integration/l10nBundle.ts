/**
 * Proves a message is made only of translatable strings: `translated(template, ...args)` checks that
 * the template is a key of the Simplified Chinese bundle, then fills it as `vscode.l10n.t` does in
 * English. A message built around untranslated text (such as the core's English) never equals it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const bundlePath = path.resolve(__dirname, '..', '..', '..', 'media', 'l10n', 'bundle.l10n.zh-cn.json');
let bundle: Record<string, string> | undefined;

export function translated(template: string, ...args: (string | number)[]): string {
  bundle ??= JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, string>;
  assert.ok(typeof bundle[template] === 'string', `not in the zh-cn bundle: ${template}`);
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? whole : String(arg);
  });
}
