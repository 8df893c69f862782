/**
 * Issue 14 in the real VS Code: a `temporary` profile stores a password and signs with temporary
 * AK/SK it obtains; an `agency` profile acts through an agency with its source profile's password;
 * pasted temporary AK/SK that have expired are said to have expired, with Set Credentials as the fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tokenAuth } from '../../src/core/requestAuth';
import { requestSecurityToken } from '../../src/core/temporaryCredentials';
import { requestPasswordToken } from '../../src/core/tokenProvider';
import type { ProfileSetting } from '../../src/profiles/profile';
import { LOCAL_AGENCY } from '../ecs-server';
import { childrenOf, type Fixture, fixture, profileRoot } from './fixture';
import { localAgencyProfile, localPasswordProfile, readOwner, withShownProfiles } from './support/testSetup';
import { translated } from './l10nBundle';
import { assumeRoleIdentity, byTokenIdentity, securityTokensBody } from '../ecs-server/iamBodies';
import { CommandId } from '../../src/commandBase/commandIds';

const SECURITY_TOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

describe('temporary credentials and agencies', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  const server = (): Fixture['server'] => f.server;

  /** A password sign-in at the local server, as `temporary` or as an agency's source. */
  const passwordProfile = (name: string, auth: 'password' | 'temporary'): ProfileSetting =>
    localPasswordProfile(server(), name, { auth });

  const addProfiles = withShownProfiles;

  const read = readOwner;

  /**
   * Metadata reads of the profiles under test: the suite's fixture profile (AK/SK, the permanent keys)
   * may read its servers in the background meanwhile, which these profiles never sign with.
   */
  const ownReads = () =>
    server().requests.filter(
      (r) =>
        r.path.includes('/metadata') &&
        !(r.headers.authorization ?? '').startsWith(
          `SDK-HMAC-SHA256 Access=${server().credentials.accessKey},`,
        ),
    );

  async function rejectionOf(promise: Thenable<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected the command to fail');
  }

  it('a temporary profile reads a key signed with temporary AK/SK; the password never goes to ECS', async () => {
    const name = 'Temporary keys';
    await addProfiles({ ...passwordProfile(name, 'temporary'), durationSeconds: 900 });
    await vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: name,
      credentials: { password: server().credentials.password },
    });
    assert.equal(await read(name), 'team-web');
    const issued = server().requests.filter((r) => r.path === SECURITY_TOKENS);
    assert.equal(issued.length, 1);
    assert.equal(issued[0].status, 201);
    assert.deepEqual(JSON.parse(issued[0].body), securityTokensBody(byTokenIdentity()));
    const api = ownReads();
    assert.equal(api.length, 1);
    assert.match(api[0].headers.authorization, /^SDK-HMAC-SHA256 Access=TMP/);
    assert.ok(api[0].headers['x-security-token']);
    assert.equal(api[0].headers['x-auth-token'], undefined);
    assert.ok(!JSON.stringify(api[0]).includes(server().credentials.password));
  });

  it('an agency profile reads a key through the agency with its source profile password, and the tree says which agency', async () => {
    const source = 'Agency source';
    const name = 'Through agency';
    await addProfiles(
      passwordProfile(source, 'password'),
      localAgencyProfile(server(), name, source, { sessionUser: 'tester' }),
    );
    await vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: source,
      credentials: { password: server().credentials.password },
    });
    server().clearRequests();
    assert.equal(await read(name), 'team-web');
    const assumed = server().requests.filter((r) => r.path === SECURITY_TOKENS);
    assert.equal(assumed.length, 1);
    assert.deepEqual(
      JSON.parse(assumed[0].body).auth.identity,
      assumeRoleIdentity(3600, { session_user: { name: 'tester' } }),
    );
    const api = ownReads();
    assert.match(api[0].headers.authorization, /^SDK-HMAC-SHA256 Access=TMP/);

    const root = await profileRoot(f.api, name);
    assert.equal(root.item.description, translated('{0} · agency {1}', server().url, LOCAL_AGENCY.name));
    assert.ok(
      String(root.item.tooltip).includes(
        translated(
          'Acts through agency "{0}" of account "{1}", with the credentials of profile "{2}"',
          LOCAL_AGENCY.name,
          LOCAL_AGENCY.domainName,
          source,
        ),
      ),
      String(root.item.tooltip),
    );

    // It stores no credentials of its own: a script setting some is told whose it uses.
    const note = await rejectionOf(
      vscode.commands.executeCommand(CommandId.setCredentials, {
        profile: name,
        credentials: { password: 'not-for-an-agency' },
      }),
    );
    assert.equal(
      note.message,
      translated(
        'Profile "{0}" acts through an agency with the credentials of profile "{1}"; it stores none of its own.',
        name,
        source,
      ),
    );

    // Without the Agent Operator role in the delegating account, the message names the role and the agency.
    server().setFaults({ iamAgentOperator: false });
    await vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: source,
      credentials: { password: server().credentials.password },
    });
    const refused = await rejectionOf(read(name));
    assert.ok(
      refused.message.startsWith(
        translated(
          'Profile "{0}" cannot act through agency "{1}" of account "{2}": the user of its source profile needs the Agent Operator role in that account. Ask an administrator of that account to grant it.',
          name,
          LOCAL_AGENCY.name,
          LOCAL_AGENCY.domainName,
        ),
      ),
      refused.message,
    );
  });

  describe('pasted temporary AK/SK that expired', () => {
    const name = 'Pasted keys';
    const expiredMessage = (): string =>
      translated(
        'The temporary access key and security token of profile "{0}" have expired. Set new credentials.',
        name,
      );

    async function pasteKeys(credentials: Record<string, string>): Promise<void> {
      await addProfiles({
        name,
        ecsEndpoint: server().url,
        projectId: server().projectId,
        auth: 'aksk',
        servers: [],
        discoverServers: true,
      });
      await vscode.commands.executeCommand(CommandId.setCredentials, { profile: name, credentials });
    }

    it('a known expires_at that has passed: the tree says they expired and offers Set Credentials, without a request', async () => {
      const { accessKey, secretKey, securityToken } = server().credentials.temporary;
      await pasteKeys({
        accessKey,
        secretKey,
        securityToken,
        securityTokenExpiresAt: new Date(Date.now() - 60_000).toISOString(),
      });
      server().clearRequests();
      const [message] = await childrenOf(f.api, (await profileRoot(f.api, name)).node);
      assert.equal(message.label, translated('Temporary credentials expired'));
      assert.equal(message.item.command?.command, CommandId.setCredentials);
      assert.equal((await rejectionOf(read(name))).message, expiredMessage());
      assert.equal(server().requests.filter((r) => r.path.includes('/servers')).length, 0);
    });

    it('a 401 saying the security token expired: the same message, with the request id', async () => {
      const c = server().credentials;
      const settings = { limits: { timeoutMs: 5000, maxResponseBytes: 1 << 20 }, userAgent: 'test' };
      const iamUrl = new URL(server().url);
      const { token } = await requestPasswordToken(
        { iamUrl, domain: c.domain, user: c.user, password: c.password },
        { projectId: server().projectId },
        { ...settings, onRequest: undefined },
      );
      const key = await requestSecurityToken(iamUrl, tokenAuth(token), byTokenIdentity(), {
        ...settings,
        onRequest: undefined,
      });
      await pasteKeys({
        accessKey: key.accessKey,
        secretKey: key.secretKey,
        securityToken: key.securityToken,
      });
      assert.equal(await read(name), 'team-web');
      server().expireTokens();
      const error = await rejectionOf(read(name));
      assert.ok(error.message.startsWith(expiredMessage()), error.message);
    });
  });
});
