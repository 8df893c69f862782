/**
 * Find Servers and Compare Metadata read several profiles or servers at once; a script whose call
 * fails gets, like every other command's, a rejection with the localized message (naming the
 * profile or server that failed) and the error's kind to branch on.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandBase/commandIds';
import { eventually, fixture, profileRoot, type Fixture } from './fixture';
import { restoredAfterSuite, withLocalProfile } from './support/testSetup';

type ScriptRejection = Error & { kind?: string };

describe('script failures of find and compare carry the error kind', () => {
  const rejected = 'Rejected keys';
  const missingServer = '00000000-0000-4000-8000-000000000000';
  let f: Fixture;
  restoredAfterSuite();

  before(async () => {
    f = await fixture();
    const credentials = { accessKey: f.server.credentials.accessKey, secretKey: 'not-the-secret-key' };
    await withLocalProfile(rejected, {}, credentials);
  });

  const rejection = async (command: CommandId, arg: unknown): Promise<ScriptRejection> =>
    Promise.resolve(vscode.commands.executeCommand(command, arg)).then(
      () => assert.fail(`${command} resolved; expected it to reject`),
      (err: ScriptRejection) => err,
    );

  it('findServers in one profile: the kind, and the profile in the message', async () => {
    const err = await rejection(CommandId.findServers, { profile: rejected, query: 'env=production' });
    assert.equal(err.kind, 'auth');
    assert.match(err.message, new RegExp(`(credentials|signature) of profile "${rejected}"`));
  });

  it('findServers across every profile: the kind, and the profile that failed in the message', async () => {
    const err = await rejection(CommandId.findServers, { query: 'env=production' });
    assert.equal(err.kind, 'auth');
    assert.match(err.message, new RegExp(`(credentials|signature) of profile "${rejected}"`));
  });

  it('shown in the view, a profile whose listing failed says so on its row, not "0 found"', async () => {
    try {
      await Promise.resolve(
        vscode.commands.executeCommand(CommandId.findServers, { query: 'env=production', showInView: true }),
      ).catch(() => undefined);
      await eventually(
        async () => (f.api.find.result(rejected)?.state === 'failed' ? true : undefined),
        'the failed listing of the rejected profile',
      );
      const row = await profileRoot(f.api, rejected);
      assert.match(String(row.item.description), /^not read: the listing failed at /);
      const good = await profileRoot(f.api, f.profileName);
      assert.match(String(good.item.description), /^\d+ found · read at /);
    } finally {
      await vscode.commands.executeCommand(CommandId.clearFilter);
    }
  });

  it('compareMetadata with a server that is not there: serverNotFound, naming the server', async () => {
    const err = await rejection(CommandId.compareMetadata, {
      left: { profile: f.profileName, serverId: f.seed.servers[0].id },
      right: { profile: f.profileName, serverId: missingServer },
    });
    assert.equal(err.kind, 'serverNotFound');
    assert.match(err.message, new RegExp(`Server ${missingServer} was not found`));
  });

  it('compareMetadata with rejected credentials: the kind, and the profile in the message', async () => {
    const err = await rejection(CommandId.compareMetadata, {
      left: { profile: f.profileName, serverId: f.seed.servers[0].id },
      right: { profile: rejected, serverId: f.seed.servers[1].id },
    });
    assert.equal(err.kind, 'auth');
    assert.match(err.message, new RegExp(`(credentials|signature) of profile "${rejected}"`));
  });

  it('an unknown profile rejects with kind unknownProfile and the message', async () => {
    const err = await rejection(CommandId.findServers, { profile: 'No such profile', query: 'env=x' });
    assert.equal(err.kind, 'unknownProfile');
    assert.match(err.message, /There is no profile named "No such profile"/);
  });

  it('a query that does not parse rejects with kind invalidInput', async () => {
    const err = await rejection(CommandId.findServers, { query: 'env=' + '"unclosed' });
    assert.equal(err.kind, 'invalidInput');
  });

  it('a script argument that does not fit rejects with kind invalidInput', async () => {
    const err = await rejection(CommandId.getMetadataKey, { profile: 42 });
    assert.equal(err.kind, 'invalidInput');
  });
});
