/**
 * The command ids of src/commandBase/commandIds.ts are exactly the commands package.json declares,
 * and every menu entry names one of them: an id typed once, checked here, cannot drift.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { CommandId } from '../../src/commandBase/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
}

describe('command ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const ids = Object.values(CommandId).sort();

  it('has no key twice in one object of package.json or its translations (JSON.parse keeps the last silently)', () => {
    // Two branches merged once left two "keybindings" arrays: the Ctrl+C binding was lost unnoticed.
    for (const file of [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'media/l10n/bundle.l10n.zh-cn.json',
    ]) {
      const document = parseDocument(fs.readFileSync(path.join(root, file), 'utf8'), { uniqueKeys: true });
      assert.deepEqual(
        document.errors.map((e) => e.message),
        [],
        file,
      );
    }
  });

  it('declares in package.json exactly the ids of CommandId', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), ids);
  });

  it('names only known commands in package.json menus', () => {
    const unknown = Object.values(manifest.contributes.menus)
      .flat()
      .map((entry) => entry.command)
      .filter((command) => !(ids as string[]).includes(command));
    assert.deepEqual(unknown, []);
  });
});
