/**
 * The one server picker, as Add Server uses it from the palette: it lists the project's servers,
 * stores the pick as a plain `{ id, name }` settings entry, and closing it aborts the listing in flight.
 * Driven with the workbench's own quick-input commands, as a keyboard would.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, fixture, storedProfiles, type Fixture } from './fixture';
import { withLocalProfile } from './support/testSetup';
import { acceptUntilSettled } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

describe('server picker', () => {
  let f: Fixture;
  const name = 'Picker';

  before(async () => {
    f = await fixture();
  });

  beforeEach(async () => {
    await withLocalProfile(name, { servers: f.profile.servers }, 'local keys');
    f.server.clearRequests();
  });

  const listing = (): boolean =>
    f.server.requests.some((r) => r.path === `/v2.1/${f.server.projectId}/servers/detail`);

  it('Add Server: closing the picker aborts the listing of the project servers', async () => {
    f.server.setFaults({ hang: { count: 1 } });
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addServer, { profile: name }));
    await eventually(async () => (listing() ? true : undefined), 'the picker to list the servers');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await added, false);
    const request = f.server.requests.find((r) => r.path.endsWith('/servers/detail'));
    await eventually(
      async () => (request?.abandoned ? true : undefined),
      'the listing request to be aborted when the picker closed',
    );
  });

  it('Add Server: the picked server is stored as { id, name } only', async () => {
    const configured = new Set(f.profile.servers?.map((s) => s.id));
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addServer, { profile: name }));
    assert.equal(await acceptUntilSettled(added, 'a listed server to be accepted'), true);
    const servers = storedProfiles()?.find((p) => p.name === name)?.servers ?? [];
    const pinned = servers.filter((s) => !configured.has(s.id));
    assert.equal(pinned.length, 1, 'one server added');
    const seeded = f.seed.servers.find((s) => s.id === pinned[0].id);
    assert.ok(seeded, 'a server of the project');
    assert.deepEqual(pinned[0], { id: seeded.id, name: seeded.name });
  });
});
