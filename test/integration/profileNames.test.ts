/**
 * A profile name with a control character ("Local sample\nlocal-1" once collided with Local sample's
 * key in region local-1, so its reads and confirmed writes went to the other profile's endpoint and
 * credentials) is refused wherever a name enters: a script's Add Profile, Import (a clouds.yaml key),
 * the Add Profile flow, and the settings themselves — with a message that names the character.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { childrenOf, fixture, storedProfiles, writeProfiles, type Fixture } from './fixture';
import { profilesBeforeTest } from './support/testSetup';
import { stepShown } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

describe('profile names with control characters', () => {
  let f: Fixture;
  let badName: string;
  const escapedNewline = /\\n/;

  before(async () => {
    f = await fixture();
    badName = `${f.profileName}\nlocal-1`;
  });

  it('a script adding one is refused with a message naming the line break; nothing is stored', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(CommandId.addProfile, {
          profile: { ...f.profile, name: badName, servers: [] },
          credentials: {
            accessKey: f.server.credentials.accessKey,
            secretKey: f.server.credentials.secretKey,
          },
        }),
      ),
      (err: Error) => escapedNewline.test(err.message) && /control character/.test(err.message),
    );
    assert.equal(storedProfiles()?.length, profilesBeforeTest().length);
  });

  it('Import skips a clouds.yaml cloud whose key holds one, saying why, and imports nothing under it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-names-'));
    try {
      const file = path.join(dir, 'clouds.yaml');
      fs.writeFileSync(
        file,
        [
          'clouds:',
          `  "${f.profileName}\\nlocal-1":`,
          '    auth:',
          `      auth_url: ${f.server.url}/v3`,
          `      username: ${f.server.credentials.user}`,
          `      user_domain_name: ${f.server.credentials.domain}`,
          `      password: '${f.server.credentials.password}'`,
          '      project_name: local-1',
          '    region_name: local-1',
          '',
        ].join('\n'),
      );
      const result = await vscode.commands.executeCommand<{
        created: string[];
        skipped: { name: string; reason: string; message: string }[];
      }>(CommandId.importProfiles, { source: 'cloudsYaml', path: file });
      assert.deepEqual(result.created, []);
      assert.deepEqual(
        result.skipped.map((s) => [s.name, s.reason]),
        [[badName, 'badName']],
      );
      assert.match(result.skipped[0].message, escapedNewline);
      assert.equal(storedProfiles()?.length, profilesBeforeTest().length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('one written into settings.json is not used: no tree root, no reads, and its twin keeps its own endpoint', async () => {
    // Same name plus "\nlocal-1", an endpoint nobody answers on: were the keys to collide, one of
    // the two would read through the other's client.
    const twin: ProfileSetting = {
      ...f.profile,
      name: badName,
      ecsEndpoint: 'http://127.0.0.2:9',
      servers: [],
    };
    await writeProfiles([f.profile, twin]);
    try {
      const roots = (await childrenOf(f.api)).map((r) => r.label);
      assert.deepEqual(roots, [f.profileName]);
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand(CommandId.getMetadataKey, {
            profile: badName,
            serverId: f.seed.servers[0].id,
            key: 'owner',
          }),
        ),
      );
      const owner = await vscode.commands.executeCommand(CommandId.getMetadataKey, {
        profile: f.profileName,
        serverId: f.seed.servers[0].id,
        key: 'owner',
      });
      assert.equal(owner, f.seed.servers[0].metadata.owner);
    } finally {
      // Written back here: removing it through the command would refuse its name.
      await writeProfiles(profilesBeforeTest());
    }
  });

  it('the Add Profile flow does not take one pasted into the name step', async () => {
    void vscode.commands.executeCommand(CommandId.addProfile);
    const box = (await stepShown(f.api, 1)) as vscode.InputBox;
    box.value = 'Prod\tlocal-1';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shown = (await stepShown(f.api, 1)) as vscode.InputBox;
    assert.equal(shown, box, 'still at the name step');
    const message =
      typeof box.validationMessage === 'string' ? box.validationMessage : box.validationMessage?.message;
    assert.match(message ?? '', /\\t/);
  });
});
