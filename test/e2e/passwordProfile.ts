/**
 * A password profile for the local server, added as a person does it: Add Profile from the palette,
 * another OpenStack-compatible cloud, its endpoints, IAM user and password, the project id; the test
 * call works, so the suggested answer (show the project's servers) is taken.
 */
import type { Page } from 'playwright-core';
import type { EcsServerHandle } from '../ecs-server';
import { acceptPick, answerInput, pickItem } from './walkthroughPage';
import { runFromPalette } from './workbench';

export async function addPasswordProfile(page: Page, ecs: EcsServerHandle, name: string): Promise<void> {
  const c = ecs.credentials;
  await runFromPalette(page, 'ECS Metadata: Add Profile');
  await answerInput(page, 'A name for this profile', name);
  await pickItem(page, 'Huawei Cloud region, or another cloud', 'Other OpenStack-compatible cloud');
  await answerInput(page, 'Compute (Nova) endpoint', ecs.url);
  await pickSignIn(page, 'IAM user and password');
  await answerInput(page, 'Identity (Keystone) endpoint', ecs.url);
  await answerInput(page, 'Account (domain) name', c.domain);
  await answerInput(page, 'IAM user name', c.user);
  await answerInput(page, 'Project id', ecs.projectId);
  await answerInput(page, 'IAM user password', c.password);
  await acceptPick(page, 'How should this profile find its servers?', "Show the project's servers");
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The sign-in item whose label is exactly `label` ("IAM user and password" has a longer sibling). */
async function pickSignIn(page: Page, label: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input[placeholder="How to sign in"]').waitFor();
  await widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first()
    .click();
}
