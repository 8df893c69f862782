/**
 * The command ids of src/commands/commandIds.ts are exactly the commands package.json declares,
 * and every menu entry names one of them: an id typed once, checked here, cannot drift.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
}

describe('command ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const ids = Object.values(CommandId).sort();

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
