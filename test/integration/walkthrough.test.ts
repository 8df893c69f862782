/**
 * The first-run walkthrough as VS Code loads it: every step's media ships with the extension, every
 * button and completion event names a command, view or setting that exists, the walkthrough opens
 * as an editor through the command behind "Welcome: Open Walkthrough…", and Add Profile raises the
 * very event that checks its first step. The check mark itself lives in the workbench page, out of
 * this host's sight: the end-to-end walk (test/e2e/walk.test.ts) sees it appear.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, extensionId, fixture, storedProfiles, writeProfiles, type Fixture } from './fixture';

const walkthroughId = `${extensionId}#ecsMetadata.gettingStarted`;
const panelViewType = 'ecsMetadata.value';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

interface Manifest {
  displayName: string;
  contributes: {
    walkthroughs?: { id: string; title: string; steps: WalkthroughStep[] }[];
    views?: Record<string, { id: string }[]>;
    configuration?: { properties: Record<string, unknown> };
  };
}

function manifest(): { extension: vscode.Extension<unknown>; json: Manifest } {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  return { extension, json: extension.packageJSON as Manifest };
}

function steps(): WalkthroughStep[] {
  const walkthrough = manifest().json.contributes.walkthroughs?.find(
    (w) => `${extensionId}#${w.id}` === walkthroughId,
  );
  assert.ok(walkthrough, `no walkthrough ${walkthroughId}`);
  return walkthrough.steps;
}

/** The `command:` links of a step description (its buttons), without their arguments. */
function commandLinks(description: string): string[] {
  return [...description.matchAll(/\]\(command:([^?)\s]+)/g)].map((m) => m[1] as string);
}

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

/** Open editor tabs whose label names the walkthrough's source, the extension's display name. */
function walkthroughTabs(): vscode.Tab[] {
  const name = manifest().json.displayName;
  return allTabs().filter((t) => t.label.includes(name));
}

describe('walkthrough: Get Started with ECS Metadata', () => {
  it('connects, browses and reads a key, each step with shipped media and a localized title', () => {
    const list = steps();
    assert.deepEqual(
      list.map((s) => s.id),
      ['connect', 'browse', 'readKey'],
    );
    const { extension } = manifest();
    for (const step of list) {
      assert.ok(step.title && !step.title.startsWith('%'), `step ${step.id} has no resolved title`);
      const media = step.media.svg ?? step.media.image;
      assert.ok(media, `step ${step.id} has no media`);
      assert.ok(fs.existsSync(path.join(extension.extensionPath, media)), `${media} is missing`);
    }
  });

  it('names only commands, views and settings that exist, in its buttons and completion events', async () => {
    await fixture(); // the extension's own commands exist once it is active
    const registered = new Set(await vscode.commands.getCommands(true));
    const { json } = manifest();
    const views = new Set(
      Object.values(json.contributes.views ?? {}).flatMap((list) => list.map((v) => v.id)),
    );
    const settings = new Set(Object.keys(json.contributes.configuration?.properties ?? {}));
    for (const step of steps()) {
      const buttons = commandLinks(step.description);
      assert.ok(buttons.length > 0, `step ${step.id} offers no button`);
      for (const command of buttons) assert.ok(registered.has(command), `${step.id}: no command ${command}`);
      assert.ok(step.completionEvents?.length, `step ${step.id} has no completion event`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(registered.has(name), `${step.id}: no command ${name}`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: no view ${name}`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(name), `${step.id}: no setting ${name}`);
        // Clicking a key opens the panel; VS Code runs that tree command under a delegate id, so
        // the panel becoming active is what says a key was read.
        else if (kind === 'onContext')
          assert.equal(name, `activeWebviewPanelId == '${panelViewType}'`, `${step.id}: ${event}`);
        else assert.fail(`${step.id}: completion event ${event} is of no kind checked here`);
      }
    }
  });

  describe('opened, with its first step completed through Add Profile', () => {
    let f: Fixture;
    let saved: ReturnType<typeof storedProfiles>;

    let tabsBefore: Set<vscode.Tab>;

    before(async () => {
      f = await fixture();
      saved = storedProfiles();
      tabsBefore = new Set(allTabs());
    });

    after(async () => {
      for (const p of storedProfiles() ?? []) {
        if (!saved?.some((s) => s.name === p.name)) {
          await vscode.commands.executeCommand('ecsMetadata.removeProfile', { profile: p.name });
        }
      }
      await writeProfiles(saved);
      await vscode.window.tabGroups.close(allTabs().filter((t) => !tabsBefore.has(t)));
    });

    it('opens as an editor through workbench.action.openWalkthrough', async () => {
      // VS Code registers an extension's walkthrough once its experiment service answers or 5 s
      // pass, and titles the tab "Welcome" until the page shows the walkthrough.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
      await eventually(
        async () => (walkthroughTabs().length > 0 ? true : undefined),
        'the walkthrough tab',
        800,
      ).catch(() => {
        const opened = allTabs().filter((t) => !tabsBefore.has(t));
        assert.fail(`no walkthrough tab among ${JSON.stringify(opened.map((t) => t.label))}`);
      });
    });

    it('Add Profile changes ecsMetadata.profiles, the event that completes the first step', async () => {
      const connect = steps().find((s) => s.id === 'connect');
      assert.deepEqual(connect?.completionEvents, ['onSettingChanged:ecsMetadata.profiles']);
      assert.ok(commandLinks(connect?.description ?? '').includes('ecsMetadata.addProfile'));

      let changed = false;
      const listener = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ecsMetadata.profiles')) changed = true;
      });
      try {
        await vscode.commands.executeCommand('ecsMetadata.addProfile', {
          profile: { ...f.profile, name: 'From the walkthrough', servers: [] },
          credentials: {
            accessKey: f.server.credentials.accessKey,
            secretKey: f.server.credentials.secretKey,
          },
        });
        await eventually(async () => (changed ? true : undefined), 'a change of ecsMetadata.profiles');
      } finally {
        listener.dispose();
      }
      assert.ok(storedProfiles()?.some((p) => p.name === 'From the walkthrough'));
    });
  });
});
