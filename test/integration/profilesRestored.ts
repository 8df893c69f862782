/**
 * The hooks of a suite whose tests add profiles and answer inputs: before each test the profiles in
 * settings are noted and the server's request log is cleared; after each, the server's faults are
 * reset, an input left open is closed and the noted profiles are put back (those added removed).
 */
import * as vscode from 'vscode';
import type { ProfileSetting } from '../../src/profiles/profile';
import { fixture, restoreProfiles, storedProfiles } from './fixture';

/** Registers the hooks; returns the profiles as noted before the running test, for tests that add to them. */
export function profilesRestoredAfterEach(): () => ProfileSetting[] | undefined {
  let saved: ProfileSetting[] | undefined;
  beforeEach(async () => {
    saved = storedProfiles();
    (await fixture()).server.clearRequests();
  });
  afterEach(async () => {
    (await fixture()).server.resetFaults();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await restoreProfiles(saved);
  });
  return () => saved;
}
