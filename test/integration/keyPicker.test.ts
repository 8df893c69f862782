/**
 * Get Metadata Key from the palette, as a keyboard drives it: the server picker, then the key
 * picker, whose keys arrive from one list call after it opens (sorted, the first one on top).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { fixture, type Fixture } from './fixture';
import { closePanel } from './panelTabs';
import { acceptUntilSettled } from './stepAnswers';

describe('key picker', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  afterEach(() => closePanel());

  it('Get Metadata Key: the first configured server, then its first key once listed, resolves to its value', async () => {
    const [web01] = f.seed.servers;
    const [firstKey] = Object.keys(web01.metadata).sort((a, b) => a.localeCompare(b));
    const read = Promise.resolve(
      vscode.commands.executeCommand<string | undefined>(CommandId.getMetadataKey),
    );
    assert.equal(
      await acceptUntilSettled(read, 'a server and then a key to be accepted'),
      web01.metadata[firstKey],
    );
  });
});
