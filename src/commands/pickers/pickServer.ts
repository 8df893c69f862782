import * as vscode from 'vscode';
import { forEachServerPage, serverIdProblem, type ServerSummary } from '../../core';
import type { ClientProvider } from '../../clients/clientProvider';
import { describeError } from '../../errors/userMessage';
import type { Profile, ServerRef } from '../../profiles/profile';
import { idAndStatus } from '../../tree/idAndStatus';
import { ListingPick } from './listingPick';

/** Largest page Nova allows; fewer round trips for big projects. */
const PAGE_SIZE = 1000;

/** A picked server; `typed` when the user typed its id rather than picking it from a list. */
export type PickedServer = ServerRef & { typed?: true };

interface ServerItem extends vscode.QuickPickItem {
  server?: PickedServer;
}

export interface ServerPickOptions {
  /** Names the command asking. */
  title: string;
  /**
   * Add Server: list the project's servers even when the profile's discovery is off (that is where
   * new servers come from), and leave out the ones already configured.
   */
  forAdding: boolean;
}

/**
 * The one server picker of every command: the profile's configured servers at once, the project's
 * servers as their pages arrive (every page, not just the first), filterable by name or id; a typed
 * server id can be used as is. Closing it aborts the listing in flight.
 */
export function pickServer(
  profile: Profile,
  clients: ClientProvider,
  options: ServerPickOptions,
): Promise<PickedServer | undefined> {
  const configuredIds = new Set(profile.servers.map((s) => s.id));
  const pick = new ListingPick<ServerItem, PickedServer>({
    typedItem: (typed, listed) => {
      const id = typed.trim();
      const known = configuredIds.has(id) || listed.some((i) => i.server?.id === id);
      return id && !known && serverIdProblem(id) === undefined
        ? {
            label: `$(add) ${vscode.l10n.t('Use server id {0}', id)}`,
            server: { id, typed: true },
            alwaysShow: true,
          }
        : undefined;
    },
    resultOf: (item) => item.server,
  });
  const { quickPick, abort } = pick;
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Select a server, or type its name or id');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.ignoreFocusOut = true;

  const configured: ServerItem[] = options.forAdding
    ? []
    : profile.servers.map((server) => ({
        label: server.name || server.id,
        description: server.id,
        detail: vscode.l10n.t('Configured in settings'),
        server,
      }));
  let discovered: ServerItem[] = [];
  pick.list(configured);

  if (profile.discoverServers || options.forAdding) {
    quickPick.busy = true;
    void discover(profile, clients, abort.signal, (page) => {
      const seen = new Set([...configuredIds, ...discovered.map((i) => i.server?.id)]);
      discovered = discovered.concat(
        page
          .filter((s) => !seen.has(s.id))
          .map((s) => ({
            label: s.name || s.id,
            description: idAndStatus(s),
            // Only what a settings entry holds: Add Server stores the pick as is.
            server: s.name ? { id: s.id, name: s.name } : { id: s.id },
          })),
      );
      pick.list([...configured, ...discovered]);
    })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        const { summary } = describeError(err, { profile: profile.name });
        pick.listingFailed(vscode.l10n.t('Could not list the project servers: {0}', summary));
        // Not an empty list that looks like "no servers": say so where the eye goes, and what still works.
        quickPick.placeholder = vscode.l10n.t(
          'The server list could not be loaded ({0}). Type a server id.',
          summary,
        );
      })
      .finally(() => {
        quickPick.busy = false;
      });
  }

  return pick.run();
}

async function discover(
  profile: Profile,
  clients: ClientProvider,
  signal: AbortSignal,
  onPage: (servers: ServerSummary[]) => void,
): Promise<void> {
  const client = await clients.get(profile.name);
  // Stops on a repeated marker, a page with no new server, or the page cap: see core/serverPaging.ts.
  await forEachServerPage(client, { pageSize: PAGE_SIZE, signal }, onPage);
}
