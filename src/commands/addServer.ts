import * as vscode from 'vscode';
import { serverIdProblem, validateServerId } from '../core';
import { showError } from '../errors/userMessage';
import type { Profile } from '../profiles/profile';
import { ServerNode } from '../tree/serverNode';
import type { CommandDeps } from './commandDeps';
import { profileFromArgument } from './profileArgument';

const pickLimit = 200;

/**
 * `ecsMetadata.addServer`: pins a server to a profile. From a discovered server's menu it adds that
 * server; with `{ profile, serverId, name? }` it adds without prompts; otherwise the user picks from
 * the project's servers or types an id. Resolves to true when added.
 */
export function registerAddServer(deps: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand('ecsMetadata.addServer', async (arg?: unknown) => {
    const profile = await profileFromArgument(deps.profiles, arg);
    if (!profile) return false;
    const given = serverOf(arg);
    const server = given ?? (await pickServer(deps, profile));
    if (!server) return false;
    validateServerId(server.id);
    await deps.profiles.addServer(profile.name, server.name ? server : { id: server.id });
    return true;
  });
}

function serverOf(arg: unknown): { id: string; name?: string } | undefined {
  if (arg instanceof ServerNode) return { id: arg.serverId, name: arg.server.name || undefined };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { serverId, name } = arg as { serverId?: unknown; name?: unknown };
  if (typeof serverId !== 'string') return undefined;
  return typeof name === 'string' && name ? { id: serverId, name } : { id: serverId };
}

type ServerPick = vscode.QuickPickItem & { server?: { id: string; name?: string } };

/** A quick pick of the project's servers that also accepts a typed id. */
async function pickServer(
  deps: CommandDeps,
  profile: Profile,
): Promise<{ id: string; name?: string } | undefined> {
  const quickPick = vscode.window.createQuickPick<ServerPick>();
  quickPick.title = vscode.l10n.t('Add a server to "{0}"', profile.name);
  quickPick.placeholder = vscode.l10n.t('Pick a server of the project, or type a server id');
  quickPick.ignoreFocusOut = true;
  quickPick.busy = true;
  const configured = new Set(profile.servers.map((s) => s.id));
  let listed: ServerPick[] = [];
  const typedItem = (): ServerPick[] => {
    const typed = quickPick.value.trim();
    // Offer only a well-formed id: accepting anything else would end in an exception, not a message.
    if (!typed || serverIdProblem(typed) !== undefined || listed.some((i) => i.server?.id === typed)) {
      return [];
    }
    return [
      {
        label: typed,
        description: vscode.l10n.t('Use this server id'),
        alwaysShow: true,
        server: { id: typed },
      },
    ];
  };
  const render = (): void => {
    quickPick.items = [...typedItem(), ...listed];
  };
  quickPick.onDidChangeValue(render);
  void (async () => {
    try {
      const client = await deps.clients.get(profile.name);
      const page = await client.listServers({ limit: pickLimit });
      listed = page.servers
        .filter((s) => !configured.has(s.id))
        .map((s) => ({
          label: s.name || s.id,
          description: s.id,
          detail: s.status,
          server: s.name ? { id: s.id, name: s.name } : { id: s.id },
        }));
      render();
    } catch (err) {
      // Typing an id still works when listing is not allowed or fails.
      void showError(err, { profile: profile.name });
    } finally {
      quickPick.busy = false;
    }
  })();
  quickPick.show();
  const picked = await new Promise<ServerPick | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.dispose();
  return picked?.server;
}
