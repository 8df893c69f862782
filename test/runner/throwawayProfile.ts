/**
 * The folders of a throw-away VS Code profile under one root — user data (with the quiet user
 * settings), extensions and a workspace (empty, or a copy of a fixture folder) — so nothing of the
 * user's own setup is touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbenchSettings } from './workbenchSettings';

export interface ThrowawayProfile {
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
}

export function createThrowawayProfile(
  root: string,
  settings?: Record<string, unknown>,
  /** A folder whose files the workspace starts with. */
  workspaceFrom?: string,
): ThrowawayProfile {
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspaceDir = path.join(root, 'workspace');
  for (const dir of [path.join(userDataDir, 'User'), extensionsDir, workspaceDir])
    fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(workbenchSettings(settings), null, 2),
  );
  if (workspaceFrom) fs.cpSync(workspaceFrom, workspaceDir, { recursive: true });
  return { userDataDir, extensionsDir, workspaceDir };
}
