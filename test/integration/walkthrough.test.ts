/**
 * The first-run walkthrough as VS Code loads it: every step's media ships with the extension, every
 * button and completion event names a command, view or setting that exists, and Add Profile raises
 * the very event that checks its first step. The walkthrough page and its check marks live in the
 * workbench, out of this host's sight: the end-to-end walk (test/e2e/walk.test.ts) opens it from
 * the palette on the installed .vsix and sees the marks appear. (Here, with the extension loaded
 * from the development folder, `workbench.action.openWalkthrough` with its id opened VS Code's own
 * walkthrough instead, so the opening is checked there.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, extensionId, type Fixture, fixture, storedProfiles } from './fixture';
import { restoredAfterSuite } from './support/testSetup';
import { CommandId } from '../../src/commandBase/commandIds';

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

describe('walkthrough: Get Started with ECS Metadata', () => {
  it('connects, browses and reads a key, each step with shipped media and a localized title', () => {
    const list = steps();
    assert.deepEqual(
      list.map((s) => s.id),
      ['connect', 'browse', 'readKey', 'editKey'],
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

  it("ticks its steps through VS Code's own Mark Step Complete, which this VS Code has", async () => {
    // walkthroughProgress.ts ticks a step with `welcome.markStepComplete` and the step's full id.
    await fixture();
    assert.ok((await vscode.commands.getCommands(true)).includes('welcome.markStepComplete'));
  });

  describe('its first step, completed through Add Profile', () => {
    let f: Fixture;
    restoredAfterSuite();

    before(async () => {
      f = await fixture();
    });

    it('Add Profile changes ecsMetadata.profiles, the event that completes the first step', async () => {
      const connect = steps().find((s) => s.id === 'connect');
      assert.deepEqual(connect?.completionEvents, ['onSettingChanged:ecsMetadata.profiles']);
      assert.ok(commandLinks(connect?.description ?? '').includes(CommandId.addProfile));

      let changed = false;
      const listener = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ecsMetadata.profiles')) changed = true;
      });
      try {
        await vscode.commands.executeCommand(CommandId.addProfile, {
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
