/**
 * Import Profiles as a person runs it does not trust the repository that is open (issue 21, item 3):
 * in an untrusted workspace the workspace folder's clouds.yaml is named in the list as not read; every
 * entry names its file and the IAM host its password would go to, and so does the password box.
 *
 * The runner starts VS Code with workspace trust off (`--disable-workspace-trust`), so the workspace
 * is always trusted there: `vscode.workspace.isTrusted` is replaced for the test, as the import reads
 * it. The list is answered by replacing `vscode.window.showQuickPick` (a person's click cannot be made
 * from the extension host); the password box is the real one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Fixture, fixture, storedProfiles } from './fixture';
import { translated } from './l10nBundle';
import { typeAt } from './stepAnswers';
import { CommandId } from '../../src/commandBase/commandIds';

type Window = typeof vscode.window;

describe('Import Profiles: an untrusted workspace, and the IAM host of every entry', () => {
  let f: Fixture;
  let dir: string;
  let workspaceFile: string;
  let userFile: string;
  const restore: (() => void)[] = [];
  /** The items of the import's list, each time it was shown. */
  const lists: vscode.QuickPickItem[][] = [];

  /** Every ticked item is imported when `importName` is given; else the list is dismissed. */
  function answerList(importName?: string): void {
    const original = vscode.window.showQuickPick;
    (vscode.window as { showQuickPick: unknown }).showQuickPick = async (
      items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
      options?: vscode.QuickPickOptions,
    ) => {
      const list = await items;
      if (options?.canPickMany) lists.push([...list]);
      return importName === undefined ? undefined : list.filter((item) => item.label === importName);
    };
    restore.push(
      () => ((vscode.window as { showQuickPick: Window['showQuickPick'] }).showQuickPick = original),
    );
  }

  function setTrusted(trusted: boolean): void {
    const descriptor = Object.getOwnPropertyDescriptor(vscode.workspace, 'isTrusted');
    Object.defineProperty(vscode.workspace, 'isTrusted', { configurable: true, get: () => trusted });
    restore.push(() =>
      descriptor
        ? Object.defineProperty(vscode.workspace, 'isTrusted', descriptor)
        : delete (vscode.workspace as { isTrusted?: boolean }).isTrusted,
    );
    assert.equal(vscode.workspace.isTrusted, trusted, 'the trust of the workspace could not be set');
  }

  const cloudsYaml = (name: string, withPassword: boolean): string => {
    const c = f.server.credentials;
    return [
      'clouds:',
      `  ${name}:`,
      '    auth:',
      `      auth_url: ${f.server.url}/v3`,
      `      username: ${c.user}`,
      ...(withPassword ? [`      password: '${c.password}'`] : []),
      `      user_domain_name: ${c.domain}`,
      '      project_name: local-1',
      '    region_name: local-1',
      '',
    ].join('\n');
  };

  before(async () => {
    f = await fixture();
  });

  beforeEach(() => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the suite runs with a workspace folder');
    workspaceFile = path.join(folder, 'clouds.yaml');
    assert.ok(!fs.existsSync(workspaceFile), 'the workspace folder has a clouds.yaml of its own');
    fs.writeFileSync(workspaceFile, cloudsYaml('from-the-repository', true));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-import-untrusted-'));
    userFile = path.join(dir, 'clouds.yaml');
    fs.writeFileSync(userFile, cloudsYaml('mine', false));
    process.env.OS_CLIENT_CONFIG_FILE = userFile;
  });

  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    lists.length = 0;
    delete process.env.OS_CLIENT_CONFIG_FILE;
    fs.rmSync(workspaceFile, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const importAsPerson = (): Thenable<unknown> => vscode.commands.executeCommand(CommandId.importProfiles);
  const host = (): string => new URL(f.server.url).host;

  it("untrusted: the workspace folder's clouds.yaml is listed as not read; the user's own is offered with its file and IAM host", async () => {
    setTrusted(false);
    answerList();
    await importAsPerson();
    const [items] = lists;
    const labels = items.map((i) => i.label);
    assert.ok(
      !labels.includes('from-the-repository'),
      `offered from an untrusted folder: ${labels.join(' | ')}`,
    );
    const skipped = items.find((i) => i.label === `$(workspace-untrusted) ${workspaceFile}`);
    assert.ok(skipped, `the untrusted file is not named: ${labels.join(' | ')}`);
    assert.equal(
      skipped.detail,
      translated(
        'The workspace folder is not trusted (Restricted Mode), so its clouds.yaml was not read. Trust the workspace, or read the file with "Read another clouds.yaml" if you know where it came from.',
      ),
    );
    const mine = items.find((i) => i.label === 'mine');
    assert.ok(mine?.description?.includes(translated('IAM {0}', host())), mine?.description);
    assert.ok(mine?.detail?.includes(userFile), mine?.detail);
  });

  it('trusted: the workspace folder’s clouds.yaml is offered beside the user’s own, each naming its file', async () => {
    setTrusted(true);
    answerList();
    await importAsPerson();
    const [items] = lists;
    const repository = items.find((i) => i.label === 'from-the-repository');
    assert.ok(repository?.detail?.includes(workspaceFile), repository?.detail);
    assert.ok(repository?.description?.includes(translated('IAM {0}', host())), repository?.description);
    assert.ok(items.some((i) => i.label === 'mine'));
    assert.ok(!items.some((i) => i.label.startsWith('$(workspace-untrusted)')));
  });

  it('the password asked after the import names the IAM host it goes to', async () => {
    setTrusted(false);
    answerList('mine');
    const done = Promise.resolve(importAsPerson());
    await typeAt(
      f.api,
      translated('IAM user password (sent only to {0})', host()),
      f.server.credentials.password,
    );
    await done;
    assert.ok(storedProfiles()?.some((p) => p.name === 'mine'));
  });
});
