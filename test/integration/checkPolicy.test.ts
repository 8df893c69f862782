/**
 * Check Metadata Policy as a script, in a real VS Code against the local ECS server: the policy
 * passed as an object, the policy file a user setting names, and a bad policy refused before anything
 * is read.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyBreach } from '../../src/commands/checkPolicy';
import { fixture, type Fixture } from './fixture';

type ScriptRejection = Error & { kind?: string };

const POLICY = {
  rules: [
    { name: 'owner', appliesTo: '@name=*-*', require: ['owner'], defaults: { owner: 'unassigned' } },
    { name: 'env values', allowed: { env: ['production', 'staging', 'dev-*'] } },
    { name: 'no retry keys', forbid: ['retry.*'] },
  ],
};

describe('checkPolicy as a script', () => {
  let f: Fixture;
  let tmp: string;

  before(async () => {
    f = await fixture();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-policy-'));
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('policyFile', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** What the policy above says of the seed servers, worked out here from the seed. */
  function expectedBreaches(): { name: string; violations: unknown[] }[] {
    return f.seed.servers.flatMap((s) => {
      const violations: unknown[] = [];
      if (s.name.includes('-') && !('owner' in s.metadata)) {
        violations.push({ rule: 'owner', key: 'owner', problem: 'missing' });
      }
      const env = s.metadata.env;
      if (env !== undefined && !['production', 'staging'].includes(env) && !env.startsWith('dev-')) {
        violations.push({ rule: 'env values', key: 'env', problem: 'notAllowed', value: env });
      }
      for (const [key, value] of Object.entries(s.metadata)) {
        if (key.startsWith('retry.'))
          violations.push({ rule: 'no retry keys', key, problem: 'forbidden', value });
      }
      return violations.length > 0 ? [{ name: s.name, violations }] : [];
    });
  }

  it('resolves to the servers that break a policy passed as an object, from the find listing', async () => {
    f.server.requests.length = 0;
    const breaches = await vscode.commands.executeCommand<PolicyBreach[]>('ecsMetadata.checkPolicy', {
      profile: f.profileName,
      policy: POLICY,
    });
    const expected = expectedBreaches();
    const problems = new Set(
      expected.flatMap((b) => b.violations.map((v) => (v as { problem: string }).problem)),
    );
    assert.equal(problems.size, 3, 'the seed breaks each kind of rule');
    assert.deepEqual(
      breaches.map((b) => ({ name: b.name, violations: b.violations })),
      expected,
    );
    assert.ok(breaches.every((b) => b.profile === f.profileName && typeof b.serverId === 'string'));
    const listings = f.server.requests.filter((r) => r.path.endsWith('/servers/detail'));
    assert.equal(listings.length, Math.ceil(f.seed.servers.length / 1000));
    assert.equal(
      f.server.requests.filter((r) => r.method !== 'GET' && r.path.includes('/servers')).length,
      0,
      'nothing written',
    );
    assert.equal(f.server.requests.filter((r) => r.path.includes('/metadata')).length, 0, 'metadata inline');
  });

  it('reads the policy file the user setting names when no policy is passed', async () => {
    const file = path.join(tmp, 'policy.json');
    fs.writeFileSync(file, `// the team's policy\n${JSON.stringify(POLICY, null, 2)}\n`);
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('policyFile', file, vscode.ConfigurationTarget.Global);
    const breaches = await vscode.commands.executeCommand<PolicyBreach[]>('ecsMetadata.checkPolicy', {
      profile: f.profileName,
    });
    assert.deepEqual(
      breaches.map((b) => b.name),
      expectedBreaches().map((b) => b.name),
    );
  });

  it('refuses a policy file with an unknown rule key, naming its line, before reading any server', async () => {
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, '{\n  "rules": [\n    { "name": "a", "requires": ["owner"] }\n  ]\n}\n');
    await vscode.workspace
      .getConfiguration('ecsMetadata')
      .update('policyFile', file, vscode.ConfigurationTarget.Global);
    f.server.requests.length = 0;
    const err = await Promise.resolve(
      vscode.commands.executeCommand('ecsMetadata.checkPolicy', { profile: f.profileName }),
    ).then(
      () => assert.fail('a bad policy was used'),
      (e: unknown) => e as ScriptRejection,
    );
    assert.equal(err.kind, 'invalidInput');
    assert.match(err.message, /line 3, column 20 \(rules\[1\]\): unknown key “requires”/);
    assert.equal(f.server.requests.length, 0, 'nothing read');
  });

  it('refuses a bad policy object (an invalid glob, a bad appliesTo) and a bad argument', async () => {
    const rejection = (arg: unknown): Promise<ScriptRejection> =>
      Promise.resolve(vscode.commands.executeCommand('ecsMetadata.checkPolicy', arg)).then(
        () => assert.fail('accepted'),
        (e: unknown) => e as ScriptRejection,
      );
    f.server.requests.length = 0;
    const glob = await rejection({ policy: { rules: [{ name: 'g', forbid: ['tmp\\'] }] } });
    assert.equal(glob.kind, 'invalidInput');
    assert.match(glob.message, /rules\[1\]\.forbid: invalid glob “tmp\\”/);
    const query = await rejection({
      policy: { rules: [{ name: 'q', appliesTo: 'env==x', require: ['o'] }] },
    });
    assert.match(query.message, /rules\[1\]\.appliesTo: appliesTo is not a find query: Term 1 \(env==x\)/);
    assert.equal(f.server.requests.length, 0, 'nothing read');
    const arg = await rejection({ profile: f.profileName, policies: {} });
    assert.match(arg.message, /\{ profile\?, region\?, policy\?, showInView\? \}/);
    const unknown = await rejection({ profile: 'No such profile', policy: POLICY });
    assert.equal(unknown.kind, 'unknownProfile');
  });
});
