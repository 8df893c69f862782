/**
 * Add Profile's temporary-credentials path as a person goes through it, every step answered on the
 * input VS Code shows: the profile is saved with `auth: "temporary"`, its password lands only in
 * SecretStorage, and a key is read with temporary AK/SK the password obtained.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, storedProfiles, type Fixture } from './fixture';
import { translated } from './l10nBundle';
import { pickAt, stepShown, typeAt } from './stepAnswers';
import { byTokenIdentity } from '../ecs-server/iamBodies';
import { CommandId } from '../../src/commandBase/commandIds';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

/** One step of the wizard: what it asks (its prompt or placeholder) and the answer typed or picked. */
type WizardStep = { asks: string } & ({ type: string; secret?: true } | { pick: string });

describe('Add Profile: temporary credentials, every step', () => {
  const name = 'Temporary by wizard';
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  /**
   * The temporary path on another cloud, step by step: the one place to change when the wizard
   * gains a step on this path (a choice of password or permanent AK/SK as the source, a duration).
   */
  function temporaryPath(): WizardStep[] {
    const c = f.server.credentials;
    return [
      { asks: translated('A name for this profile'), type: name },
      {
        asks: translated('Huawei Cloud region, or another cloud'),
        pick: translated('Other OpenStack-compatible cloud…'),
      },
      { asks: 'Compute (Nova) endpoint', type: f.server.url },
      { asks: translated('How to sign in'), pick: translated('Temporary access keys') },
      {
        asks: translated('What obtains the temporary access keys?'),
        pick: translated('IAM password'),
      },
      { asks: 'Identity (Keystone) endpoint', type: `${f.server.url}/v3` },
      { asks: translated('Account (domain) name'), type: c.domain },
      { asks: translated('IAM user name'), type: c.user },
      { asks: translated('Project id'), type: f.server.projectId },
      { asks: translated('IAM user password'), type: c.password, secret: true },
    ];
  }

  it('saves auth "temporary" with the password only in SecretStorage, and the profile reads a key with temporary AK/SK', async () => {
    const c = f.server.credentials;
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    const steps = temporaryPath();
    for (const [i, step] of steps.entries()) {
      const n = i + 1;
      const shown = await stepShown(f.api, n);
      const asked = 'pick' in step ? shown.placeholder : shown.prompt;
      assert.ok((asked ?? '').includes(step.asks), `step ${n} asks "${asked}", not "${step.asks}"`);
      if ('pick' in step) {
        await pickAt(f.api, n, step.pick);
      } else {
        const box = await typeAt(f.api, n, step.type);
        assert.equal(box.password, step.secret === true, `step ${n} is masked only for a secret`);
      }
    }
    // The test call signed in and obtained temporary keys before anything was saved.
    const last = await stepShown(f.api, steps.length + 1);
    assert.equal(last.totalSteps, steps.length + 1, 'the counter knew the path');
    assert.match(
      last.placeholder ?? '',
      new RegExp(translated('Signed in as {0} (account {1}) ✓', c.user, c.domain).replace(/[()]/g, '.')),
    );
    assert.ok(
      f.server.requests.some((r) => r.path === SECURITY_TOKENS && r.status === 201),
      'the test call obtained temporary keys',
    );
    await pickAt(f.api, steps.length + 1, translated("Show the project's servers"));
    assert.equal(await added, name);

    const entry = storedProfiles()?.find((p) => p.name === name);
    assert.deepEqual(
      [entry?.auth, entry?.ecsEndpoint, entry?.iamEndpoint, entry?.domain, entry?.user, entry?.projectId],
      ['temporary', f.server.url, f.server.url, c.domain, c.user, f.server.projectId],
    );
    const settings = JSON.stringify(vscode.workspace.getConfiguration('ecsMetadata').inspect('profiles'));
    assert.ok(!settings.includes(c.password), 'the password is in settings');

    // The saved profile reads with what it stored: the password buys temporary keys, which sign the GET.
    f.server.clearRequests();
    const value = await vscode.commands.executeCommand(CommandId.getMetadataKey, {
      profile: name,
      serverId: f.seed.servers[0].id,
      key: 'owner',
    });
    assert.equal(value, 'team-web');
    const [signIn, temporary, get] = f.server.requests;
    assert.equal(`${signIn?.method} ${signIn?.path}`, 'POST /v3/auth/tokens');
    assert.ok(signIn.body.includes(c.password), 'the stored password signed in');
    assert.equal(
      `${temporary?.method} ${temporary?.path} ${temporary?.status}`,
      `POST ${SECURITY_TOKENS} 201`,
    );
    assert.deepEqual(
      (JSON.parse(temporary.body) as { auth: { identity: unknown } }).auth.identity,
      byTokenIdentity(3600),
      'no duration asked: the default hour',
    );
    assert.match(get?.headers.authorization ?? '', /^SDK-HMAC-SHA256 Access=TMP/);
    assert.equal(get?.headers['x-auth-token'], undefined, 'the token does not travel with API calls');
    assert.ok(!JSON.stringify(get).includes(c.password), 'the password went to ECS');
  });
});
