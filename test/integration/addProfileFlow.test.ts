/**
 * Add Profile as a person goes through it: a multi-step input with a step counter and Back on
 * every step, endpoints typed as the cloud's documents give them (`…/v2.1/{project_id}`, an
 * `OS_AUTH_URL` ending in `/v3`), a test call that reports sign-in and listing apart, and on
 * failure Back (to the step it points at, keeping what was typed) or Save Anyway, neither the
 * default. Each step is answered on the very input VS Code shows (value set, then the
 * workbench's own accept and Back commands, as the keyboard would run them).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Fixture, fixture, storedProfiles, writeProfiles } from './fixture';
import { localPasswordProfile, profilesBeforeTest } from './support/testSetup';
import { translated } from './l10nBundle';
import { LOCAL_AGENCY } from '../ecs-server';
import { pickAt, type Step, type StepAt, stepShown as shownAt, typeAt } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

describe('Add Profile, step by step', () => {
  let f: Fixture;

  before(async () => {
    f = await fixture();
  });

  const stepShown = (n: StepAt): Promise<Step> => shownAt(f.api, n);
  const type = (n: StepAt, value: string): Promise<vscode.InputBox> => typeAt(f.api, n, value);
  /** Picks as the keyboard does: types (part of) the label to filter, then Enter on the first match. */
  const pick = (n: StepAt, label: string): Promise<vscode.QuickPick<vscode.QuickPickItem>> =>
    pickAt(f.api, n, label, 'part');

  const back = (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.quickInputBack');
  /** The test report and the server ids carry no counter: they are found by what they ask. */
  const reportPrompt = (): string => translated('The test call failed. Go back, or save anyway?');
  const idsPrompt = (): string =>
    translated('Server ids, separated by spaces or commas (Add Server adds more later)');

  it('counts the steps, keeps answers on Back, takes endpoints typed with /v2.1/{project_id} and /v3', async () => {
    const c = f.server.credentials;
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(1, 'Typed endpoints');

    const cloud = (await stepShown(2)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(cloud.totalSteps, 9, 'Enter (another cloud) with an access key: 9 steps');
    assert.equal(cloud.items[0].label, translated('Other OpenStack-compatible cloud…'), 'other cloud first');
    assert.deepEqual(cloud.buttons, [vscode.QuickInputButtons.Back]);
    await pick(2, translated('Other OpenStack-compatible cloud…'));

    const typedCompute = `${f.server.url}/v2.1/${f.server.projectId}/`;
    const compute = (await stepShown(3)) as vscode.InputBox;
    assert.match(compute.prompt ?? '', /v2\.1/, 'the prompt says what form is expected');
    await type(3, typedCompute);
    await pick(4, translated('IAM user and password'));

    // Back from the identity endpoint, back again: the compute endpoint shows what was typed.
    await stepShown(5);
    await back();
    await stepShown(4);
    await back();
    const again = (await stepShown(3)) as vscode.InputBox;
    assert.equal(again.value, f.server.url, 'the endpoint typed, as it will be used');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await pick(4, translated('IAM user and password'));

    const identity = (await type(5, `${f.server.url}/v3`)) as vscode.InputBox;
    assert.equal(identity.totalSteps, 10, 'other cloud + password: 10 steps');
    await type(6, c.domain);
    await type(7, c.user);
    await type(8, f.server.projectId);
    await type(9, c.password);
    const servers = (await stepShown(10)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.match(
      servers.placeholder ?? '',
      new RegExp(translated('Signed in as {0} (account {1}) ✓', c.user, c.domain).replace(/[()]/g, '.')),
    );
    await pick(10, translated("Show the project's servers"));
    assert.equal(await added, 'Typed endpoints');

    const entry = storedProfiles()?.find((p) => p.name === 'Typed endpoints');
    assert.equal(entry?.ecsEndpoint, f.server.url);
    assert.equal(entry?.iamEndpoint, f.server.url);
    assert.equal(entry?.discoverServers, true);
    const paths = f.server.requests.map((r) => r.path);
    assert.ok(paths.includes('/v3/auth/tokens'), paths.join(', '));
    assert.ok(paths.includes(`/v2.1/${f.server.projectId}/servers/detail`), paths.join(', '));
    assert.ok(!paths.some((p) => p.startsWith('/v3/v3') || p.includes('/v2.1/v2.1')), paths.join(', '));
    assert.ok(!JSON.stringify(entry).includes(c.password), 'no password in settings');
  });

  it('on a failed test call: says which part failed, Back leads to the step it points at, Save Anyway saves', async () => {
    const c = f.server.credentials;
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(1, 'Listing fails');
    await pick(2, translated('Other OpenStack-compatible cloud…'));
    await type(3, `${f.server.url}/nova`); // A wrong path: 404.
    await pick(4, translated('Access key (AK/SK)'));
    await type(5, f.server.projectId);
    await type(6, c.accessKey);
    await type(7, c.secretKey);
    await type(8, '');

    const report = (await stepShown(reportPrompt())) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(report.step, undefined, 'the report is not a step of the counter');
    const url = `${f.server.url}/nova/v2.1/${f.server.projectId}/servers/detail`;
    // A line short enough to read whole, naming the endpoint; the URL called on the detail line.
    assert.equal(
      report.items[0].label,
      `$(error) ${translated('Could not check the sign-in: {0}', translated('HTTP 404 from the compute endpoint'))}`,
    );
    assert.equal(
      report.items[0].detail,
      translated(
        'Called {0}. The compute (ECS) endpoint {1} is probably wrong.',
        url,
        `${f.server.url}/nova`,
      ),
    );
    assert.ok(
      report.items.some((i) => i.label.includes(translated('Show Details'))),
      'the whole report is offered in a dialog',
    );
    // Enter on the report itself (the item active at first) does nothing: neither way on is the default.
    assert.deepEqual(
      report.activeItems.map((i) => i.label),
      [report.items[0].label],
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(f.api.stepInput(), report, 'still asking after Enter on the report');
    await pick(reportPrompt(), translated('Back'));

    // Back to the compute endpoint, as typed; everything after it kept.
    const endpoint = (await stepShown(3)) as vscode.InputBox;
    assert.equal(endpoint.value, `${f.server.url}/nova`);
    await type(3, f.server.url);
    await pick(4, translated('Access key (AK/SK)'));
    assert.equal(((await stepShown(5)) as vscode.InputBox).value, f.server.projectId);
    await type(5, f.server.projectId);
    await type(6, c.accessKey);
    await type(7, c.secretKey);
    // Now the key is accepted but the listing fails, as on a cloud without a network service.
    f.server.setFaults({ serverError: { count: 3, status: 500 } });
    await type(8, '');

    const second = (await stepShown(reportPrompt())) as vscode.QuickPick<vscode.QuickPickItem>;
    const lines = second.items.map((i) => i.label);
    assert.ok(lines[0].includes(translated('Access key accepted ✓')), lines.join(' | '));
    assert.equal(
      lines[1],
      `$(error) ${translated('Listing servers failed: {0}', translated('{0} from the compute endpoint', 'HTTP 500, computeFault'))}`,
    );
    assert.ok(!lines.join(' ').includes('Try again later'), 'no "try again later" advice');
    await pick(reportPrompt(), translated('Save Anyway'));

    // The last question suggests adding servers by id, since the listing failed; the ids it then
    // asks for are its follow-up, not a step more.
    const how = (await stepShown(9)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(how.totalSteps, 9, 'the total has not grown');
    assert.equal(how.activeItems[0]?.label, translated('Add servers by id'));
    await pick(9, translated('Add servers by id'));
    const id = f.seed.servers[2].id;
    const ids = await typeAt(f.api, idsPrompt(), `${id}, not-an-id`);
    assert.equal(ids.step, undefined, 'the ids are not counted');
    assert.equal(f.api.stepInput(), ids, 'an id that is not a UUID is refused');
    await typeAt(f.api, idsPrompt(), id);
    assert.equal(await added, 'Listing fails');
    const entry = storedProfiles()?.find((p) => p.name === 'Listing fails');
    assert.equal(entry?.discoverServers, false);
    assert.deepEqual(entry?.servers, [{ id }]);
  });

  it("takes the fix of an endpoint with the other service's path on Enter (/v3 on compute, /v2.1 on identity)", async () => {
    // The warning shown while typing is the walk's to see (a value set from here is not typing).
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(1, 'Other service paths');
    await pick(2, translated('Other OpenStack-compatible cloud…'));
    await type(3, `${f.server.url}/v3`);
    await pick(4, translated('IAM user and password'));
    await type(5, `${f.server.url}/v2.1/${f.server.projectId}`);
    // Back from the next step: both endpoints are the fixed ones.
    await stepShown(6);
    await back();
    assert.equal(((await stepShown(5)) as vscode.InputBox).value, f.server.url);
    await back();
    await stepShown(4);
    await back();
    assert.equal(((await stepShown(3)) as vscode.InputBox).value, f.server.url);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await added, undefined);
  });

  it('a rejected key says whether IAM refused the access key or the signature, and Back goes to that box; the total never grows', async () => {
    const c = f.server.credentials;
    const totals: (number | undefined)[] = [];
    const at = async (n: number): Promise<Step> => {
      const shown = await stepShown(n);
      totals.push(shown.totalSteps);
      return shown;
    };
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await at(1);
    await type(1, 'Rejected keys');
    await at(2);
    await pick(2, translated('Other OpenStack-compatible cloud…'));
    await at(3);
    await type(3, f.server.url);
    await at(4);
    await pick(4, translated('Access key (AK/SK)'));
    await at(5);
    await type(5, f.server.projectId);
    const accessKey = (await at(6)) as vscode.InputBox;
    assert.equal(accessKey.password, false, 'an access key ID is not a secret: it shows as typed');
    await type(6, 'UNKNOWNACCESSKEY0000');
    const secretKey = (await at(7)) as vscode.InputBox;
    assert.equal(secretKey.password, true, 'the secret key is masked');
    /** Types the SK and an empty token; the report says the sign-in failed with `summary`; Back. */
    const refusedWith = async (sk: string, summary: string): Promise<void> => {
      await type(7, sk);
      await at(8);
      await type(8, '');
      const report = (await stepShown(reportPrompt())) as vscode.QuickPick<vscode.QuickPickItem>;
      assert.equal(report.items[0].label, `$(error) ${translated('Sign-in failed: {0}', summary)}`);
      assert.match(report.items[0].detail ?? '', /APIGW\.0301/);
      await pick(reportPrompt(), translated('Back'));
    };
    await refusedWith(c.secretKey, translated('Access key refused'));
    const again = (await at(6)) as vscode.InputBox;
    assert.equal(again.value, 'UNKNOWNACCESSKEY0000', 'Back lands on the access key, as typed');
    await type(6, c.accessKey);
    await at(7);
    await refusedWith('not-the-secret-key-of-this-access-key', translated('Signature refused'));
    const sk = (await at(7)) as vscode.InputBox;
    assert.equal(sk.prompt, translated('Secret access key (SK)'), 'Back lands on the secret key');
    await type(7, c.secretKey);
    await at(8);
    await type(8, '');
    await at(9);
    await pick(9, translated("Show the project's servers"));
    assert.equal(await added, 'Rejected keys');
    assert.deepEqual(
      totals,
      totals.map(() => 9),
      'other cloud with an access key: 9 steps from the first to the last',
    );
  });

  it('a 404 from the sign-in names the identity endpoint URL called', async () => {
    const c = f.server.credentials;
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(1, 'Wrong identity');
    await pick(2, translated('Other OpenStack-compatible cloud…'));
    await type(3, f.server.url);
    await pick(4, translated('IAM user and password'));
    await type(5, `${f.server.url}/identity`);
    await type(6, c.domain);
    await type(7, c.user);
    await type(8, f.server.projectId);
    await type(9, c.password);
    const report = (await stepShown(reportPrompt())) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.ok(
      report.items[0].label.includes(translated('HTTP 404 from the identity endpoint')),
      report.items[0].label,
    );
    assert.equal(
      report.items[0].detail,
      translated(
        'Called {0}. The identity (IAM) endpoint {1} is probably wrong.',
        `${f.server.url}/identity/v3/auth/tokens`,
        `${f.server.url}/identity`,
      ),
    );
    await pick(reportPrompt(), translated('Back'));
    assert.equal(((await stepShown(5)) as vscode.InputBox).value, `${f.server.url}/identity`);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await added, undefined);
    assert.equal(
      storedProfiles()?.find((p) => p.name === 'Wrong identity'),
      undefined,
    );
  });

  it("offers temporary keys and an agency; an agency profile, added with another profile's password, reads a key", async () => {
    const c = f.server.credentials;
    const source = 'Agency source (wizard)';
    await writeProfiles([...profilesBeforeTest(), localPasswordProfile(f.server, source)]);
    await vscode.commands.executeCommand(CommandId.setCredentials, {
      profile: source,
      credentials: { password: c.password },
    });
    const added = Promise.resolve(vscode.commands.executeCommand(CommandId.addProfile));
    await type(1, 'Wizard agency');
    await pick(2, translated('Other OpenStack-compatible cloud…'));
    await type(3, f.server.url);
    const auth = (await stepShown(4)) as vscode.QuickPick<vscode.QuickPickItem>;
    const labels = auth.items.map((i) => i.label);
    assert.ok(labels.includes(translated('Temporary access keys')), labels.join(' | '));
    await pick(4, translated('IAM agency of another account'));
    const sources = (await stepShown(5)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(sources.totalSteps, 9, 'other cloud + agency: 9 steps, no secret');
    assert.ok(
      sources.items.some((i) => i.label === f.profileName),
      'an AK/SK profile is offered as a source too',
    );
    await pick(5, source);
    await type(6, LOCAL_AGENCY.domainName);
    await type(7, LOCAL_AGENCY.name);
    await type(8, f.server.projectId);
    const servers = (await stepShown(9)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.ok(
      (servers.placeholder ?? '').includes(
        translated('Agency {0} of account {1} assumed ✓', LOCAL_AGENCY.name, LOCAL_AGENCY.domainName),
      ),
      servers.placeholder,
    );
    await pick(9, translated("Show the project's servers"));
    assert.equal(await added, 'Wizard agency');

    const entry = storedProfiles()?.find((p) => p.name === 'Wizard agency');
    assert.deepEqual(
      [entry?.auth, entry?.sourceProfile, entry?.agencyDomain, entry?.agencyName],
      ['agency', source, LOCAL_AGENCY.domainName, LOCAL_AGENCY.name],
    );
    assert.ok(
      f.server.requests.some((r) => r.path === '/v3.0/OS-CREDENTIAL/securitytokens' && r.status === 201),
    );
    const value = await vscode.commands.executeCommand(CommandId.getMetadataKey, {
      profile: 'Wizard agency',
      serverId: f.seed.servers[0].id,
      key: 'owner',
    });
    assert.equal(value, 'team-web');
  });
});
