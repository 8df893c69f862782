/**
 * Invalid input (a server id, a key, an endpoint, a project id) is described in the extension's own
 * translatable words — never with the core's English-only messages — wherever a user sees it:
 * a rejected command, a tree item, an input box's validation.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { endpointInputProblem, projectIdInputProblem } from '../../src/errors/inputProblems';
import { childrenOf, fixture, profileRoot, writeProfiles, type Fixture } from './fixture';
import { profilesBeforeTest, withLocalProfile } from './support/testSetup';
import { translated } from './l10nBundle';
import { confirmingModals } from './modalAnswer';
import { CommandId } from '../../src/commandBase/commandIds';

const notSent = 'The request was not sent because an input is not valid. {0}';
const notServerId =
  '"{0}" is not a server id. A server id is a UUID such as 998af54b-5762-4041-abc1-f98a2c27b3a2.';

async function rejection(command: string, arg: unknown): Promise<string> {
  try {
    await vscode.commands.executeCommand(command, arg);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${command} did not reject`);
}

describe('invalid input: localized messages', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  it('Get Metadata Key with a server id that is not a UUID', async () => {
    const message = await rejection(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId: 'not-a-uuid',
      key: 'owner',
    });
    assert.equal(message, translated(notSent, translated(notServerId, 'not-a-uuid')));
  });

  it('Get Metadata Key with a key ECS does not allow', async () => {
    const message = await rejection(CommandId.getMetadataKey, {
      profile: f.profileName,
      serverId: f.seed.servers[0].id,
      key: 'a b',
    });
    const keyProblem = translated(
      'The metadata key "{0}" has characters ECS does not allow. Use only A-Z a-z 0-9 - _ : .',
      'a b',
    );
    assert.equal(message, translated(notSent, keyProblem));
  });

  it('Add Server with an id that is not a UUID', async () => {
    const message = await rejection(CommandId.addServer, { profile: f.profileName, serverId: '../../x' });
    // Refused by the command's declared argument shape, as every script argument is.
    assert.equal(message, translated(notSent, translated(notServerId, '../../x')));
  });

  it('a profile whose endpoint is plain http to another host says so in the tree', async () => {
    const name = 'Plain http';
    await writeProfiles([
      ...profilesBeforeTest(),
      { ...f.profile, name, servers: [], ecsEndpoint: 'http://ecs.example.com' },
    ]);
    await profileRoot(f.api, name);
    await confirmingModals(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { accessKey: f.server.credentials.accessKey, secretKey: f.server.credentials.secretKey },
      }),
    );
    const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(message.item.contextValue, 'message');
    assert.equal(
      message.item.tooltip,
      translated(
        'Profile "{0}", setting "{1}": {2}',
        name,
        'ecsEndpoint',
        translated(
          'Use https:// for {0}. Plain http:// is allowed only for this machine (127.0.0.1, ::1, localhost).',
          'ecs.example.com',
        ),
      ),
    );
    await confirmingModals(() => vscode.commands.executeCommand(CommandId.removeProfile, { profile: name }));
  });

  it("a project the region names but IAM does not know is said in the extension's words", async () => {
    const name = 'No such project';
    // No project id: the region names the project to look up, which IAM does not know.
    await withLocalProfile(name, { projectId: undefined, region: 'local-9' }, 'local keys');
    const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
    assert.equal(message.item.contextValue, 'message');
    // Before the reason code, this said only "Check the profile in the ecsMetadata.profiles setting."
    const expected = translated(
      notSent,
      translated('No project named "{0}" was found. Check the region, or set the project id.', 'local-9'),
    );
    // The IAM answer's request id follows.
    assert.equal(String(message.item.tooltip).slice(0, expected.length), expected);
  });

  it('the endpoint input box allows https, and plain http only to this machine', () => {
    assert.equal(endpointInputProblem('https://ecs.example.com'), undefined);
    assert.equal(endpointInputProblem('http://127.0.0.1:8080'), undefined);
    assert.equal(endpointInputProblem('http://localhost:8080/v2.1'), undefined);
    assert.equal(
      endpointInputProblem('http://ecs.example.com'),
      translated(
        'Use https:// for {0}. Plain http:// is allowed only for this machine (127.0.0.1, ::1, localhost).',
        'ecs.example.com',
      ),
    );
    assert.equal(
      endpointInputProblem('ecs.example.com'),
      translated(
        '"{0}" is not a URL. Use a form like https://ecs.cn-north-4.myhuaweicloud.com',
        'ecs.example.com',
      ),
    );
    assert.equal(
      endpointInputProblem('ftp://ecs.example.com'),
      translated('The URL must start with https://.'),
    );
  });

  it('the project id input box explains what a project id looks like', () => {
    assert.equal(projectIdInputProblem('9c53a566cb3443ab910cf0daebca90c4'), undefined);
    assert.equal(
      projectIdInputProblem('not a project'),
      translated(
        '"{0}" is not a project id. A project id looks like 9c53a566cb3443ab910cf0daebca90c4.',
        'not a project',
      ),
    );
  });
});
