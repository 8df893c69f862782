/**
 * A person runs Set Credentials on an agency profile (from its row in the tree, as the context menu
 * does). An agency stores no credentials of its own: the command says so, names the source profile
 * whose credentials it acts with, and asks for those; once they are stored the agency reads a key.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { fixture, profileRoot, writeProfiles, type Fixture } from './fixture';
import { localAgencyProfile, localPasswordProfile, profilesBeforeTest, readOwner } from './support/testSetup';
import { translated } from './l10nBundle';
import { stepShown, typeAt } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Runs `call` with the information and warning messages it shows recorded (and not shown). */
async function messagesDuring<T>(call: () => Thenable<T>): Promise<{ result: T; said: string[] }> {
  const window = vscode.window as { showInformationMessage: Show; showWarningMessage: Show };
  const { showInformationMessage, showWarningMessage } = window;
  const said: string[] = [];
  const record: Show = (message) => {
    said.push(message);
    return Promise.resolve(undefined);
  };
  window.showInformationMessage = record;
  window.showWarningMessage = record;
  try {
    return { result: await call(), said };
  } finally {
    window.showInformationMessage = showInformationMessage;
    window.showWarningMessage = showWarningMessage;
  }
}

describe('Set Credentials on an agency profile, by a person', () => {
  const source = 'Agency source (set credentials)';
  const agency = 'Agency (set credentials)';
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  const agencyProfile = (sourceProfile: string): ProfileSetting =>
    localAgencyProfile(f.server, agency, sourceProfile);

  const read = (): Promise<string | undefined> => readOwner(agency);

  it("says the agency uses its source profile's credentials, asks for those, and then the agency reads a key", async () => {
    const c = f.server.credentials;
    await writeProfiles([
      ...profilesBeforeTest(),
      localPasswordProfile(f.server, source),
      agencyProfile(source),
    ]);
    await assert.rejects(Promise.resolve(read()), 'no credentials yet: the agency cannot read');

    const row = await profileRoot(f.api, agency);
    const { result, said } = await messagesDuring(async () => {
      const done = Promise.resolve(vscode.commands.executeCommand(CommandId.setCredentials, row.node));
      const box = (await stepShown(f.api, 1)) as vscode.InputBox;
      assert.equal(box.title, translated('Credentials for "{0}"', source), 'asks for the source profile');
      // The password box names the host the password goes to.
      assert.equal(
        box.prompt,
        translated('IAM user password (sent only to {0})', new URL(f.server.url).host),
      );
      assert.equal(box.password, true, 'masked');
      await typeAt(f.api, 1, c.password);
      return done;
    });
    assert.equal(result, true);
    assert.deepEqual(said, [
      translated(
        'Profile "{0}" acts through an agency with the credentials of profile "{1}"; it stores none of its own.',
        agency,
        source,
      ),
      translated('Credentials of "{0}" saved in the keyring.', source),
    ]);
    assert.ok(
      f.server.requests.some((r) => r.path === '/v3/auth/tokens' && r.status === 201),
      "the source's sign-in was checked before storing",
    );

    f.server.clearRequests();
    assert.equal(await read(), 'team-web');
    const assumed = f.server.requests.filter((r) => r.path === SECURITY_TOKENS);
    assert.equal(assumed.length, 1);
    assert.deepEqual(
      (JSON.parse(assumed[0].body) as { auth: { identity: { methods: string[] } } }).auth.identity.methods,
      ['assume_role'],
    );
  });

  it('with no source profile to set: says so and asks nothing', async () => {
    await writeProfiles([...profilesBeforeTest(), agencyProfile('No such profile')]);
    const row = await profileRoot(f.api, agency);
    const { result, said } = await messagesDuring(() =>
      vscode.commands.executeCommand(CommandId.setCredentials, row.node),
    );
    assert.equal(result, false);
    assert.deepEqual(said, [
      translated(
        'Profile "{0}" acts through an agency with the credentials of profile "{1}"; it stores none of its own.',
        agency,
        'No such profile',
      ),
    ]);
    assert.equal(f.api.stepInput(), undefined, 'no credentials were asked for');
  });
});
