/**
 * The extension's walkthrough as a person meets it in the workbench: opened from the palette
 * ("Welcome: Open Walkthrough…" and its picker), its steps with their check marks, the buttons in
 * a step, and the input boxes and pickers of a guided command answered one after another.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually, pickFromPalette, runFromPalette, succeeded } from './workbench';

export const walkthroughId = 'ecs-tools.ecs-metadata-explorer#ecsMetadata.gettingStarted';

/** Opens the walkthrough titled `title` through "Welcome: Open Walkthrough…" and waits for its steps. */
export async function openWalkthrough(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const listed = widget.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // Driven by state: the walkthroughs' picker can close under the click (the focus moved), and
  // then the palette is opened again.
  for (let attempt = 1; attempt <= 4; attempt++) {
    await pickFromPalette(page, 'Welcome: Open Walkthrough...', /^Welcome: Open Walkthrough/);
    // The same widget now lists the walkthroughs.
    const picked = await succeeded(listed.click({ timeout: 10_000 }));
    if (picked && (await walkthroughShown(page, 30_000))) return;
    if (await widget.isVisible()) await page.keyboard.press('Escape');
  }
  throw new Error(`the walkthrough "${title}" did not open after four tries`);
}

/** Whether the Welcome editor shows this extension's walkthrough (its steps) within `timeoutMs`. */
function walkthroughShown(page: Page, timeoutMs: number): Promise<boolean> {
  return succeeded(step(page, 'connect').waitFor({ timeout: timeoutMs }));
}

/**
 * Whether step `stepId` shows its check mark, read as a person would: in this extension's
 * walkthrough, opened again when the Welcome editor has gone back to its overview of all
 * walkthroughs (it does so at times when a step completes while it is shown).
 */
export async function stepDoneOnPage(page: Page, title: string, stepId: string): Promise<boolean> {
  if (!(await walkthroughShown(page, 2_000))) await openWalkthrough(page, title);
  return stepDone(page, stepId);
}

/** The step button `stepId` (e.g. `connect`) of this extension's walkthrough. */
export function step(page: Page, stepId: string): Locator {
  return page.locator(`.getting-started-step[data-step-id="${walkthroughId}#${stepId}"]`);
}

/** Whether VS Code shows the step as done (its check box). */
export async function stepDone(page: Page, stepId: string): Promise<boolean> {
  const box = page.locator(`[role="checkbox"][data-done-step-id="${walkthroughId}#${stepId}"]`);
  return (await box.getAttribute('aria-checked')) === 'true';
}

/** Clicks the button labelled `label` inside step `stepId` (selecting the step first). */
export async function clickStepButton(page: Page, stepId: string, label: string): Promise<void> {
  const s = step(page, stepId);
  if ((await s.getAttribute('aria-expanded')) !== 'true') await s.click();
  await s.locator('.monaco-button', { hasText: label }).click();
}

/** Closes the active editor as a person would from the palette. */
export async function closeActiveEditor(page: Page): Promise<void> {
  await runFromPalette(page, 'View: Close Editor');
}

/**
 * Answers one input box of a guided command: waits until the box shows `prompt` (so the answer
 * cannot land in the previous box), types `value` and presses Enter.
 */
export async function answerInput(page: Page, prompt: string, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-message', { hasText: prompt }).waitFor();
  if (value) await setInputText(page, value);
  await page.keyboard.press('Enter');
}

/**
 * Puts `text` in the open quick input's box whole and waits until the box holds it: keys typed one
 * by one on a loaded machine can be dropped while the box re-renders (the walk once saw "From the
 * walkth" submitted for "From the walkthrough").
 */
export async function setInputText(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await eventually(
    async () => {
      if ((await input.inputValue()) !== text) await input.fill(text);
      return input.inputValue();
    },
    (v) => v === text,
    'the quick input text',
  );
}

/** Picks the item labelled `label` (typed first, so a long list shows it) in the quick pick showing `placeholder`. */
export async function pickItem(page: Page, placeholder: string, label: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator(`.quick-input-box input[placeholder="${placeholder}"]`).waitFor();
  await setInputText(page, label);
  await widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
}

/**
 * Accepts the quick pick whose placeholder ends with `question` (it may start with a report of the
 * step before) once its active item is `label`, as Enter would.
 */
export async function acceptPick(page: Page, question: string, label: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator(`.quick-input-box input[placeholder$="${question}"]`).waitFor();
  await widget
    .locator('.quick-input-list .monaco-list-row.focused')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .waitFor();
  await page.keyboard.press('Enter');
}
