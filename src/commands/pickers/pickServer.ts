import * as vscode from 'vscode';
import { forEachServerPage, serverIdProblem, type ServerSummary } from '../../core';
import type { ClientProvider } from '../../clients/clientProvider';
import { describeError } from '../../errors/userMessage';
import type { Profile, ServerRef } from '../../profiles/profile';
import { serverRegion } from '../../profiles/profileInRegion';
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
  /** A server not to offer (Compare's second pick leaves out the first server). */
  leaveOut?: string;
}

/**
 * The one server picker of every command: the profile's configured servers at once, the project's
 * servers as their pages arrive (every page, not just the first), filterable by name or id; a typed
 * server id can be used as is. Closing it aborts the listing in flight. In a profile of several
 * regions every region is listed, each item says its region, and the pick carries it.
 */
export function pickServer(
  profile: Profile,
  clients: ClientProvider,
  options: ServerPickOptions,
): Promise<PickedServer | undefined> {
  // Several regions: each is listed, and every item and pick names its region.
  const regions: (string | undefined)[] = profile.regions.length > 1 ? profile.regions : [undefined];
  const inRegion = (region: string | undefined, text: string): string =>
    region === undefined ? text : `${region} · ${text}`;
  const withRegion = (ref: ServerRef, region: string | undefined): ServerRef =>
    region === undefined ? ref : { ...ref, region };

  const configuredIds = new Set(profile.servers.map((s) => s.id));
  const offered = (id: string): boolean => id !== options.leaveOut;
  const pick = new ListingPick<ServerItem, PickedServer>({
    typedItem: (typed, listed) => {
      const id = typed.trim();
      const known = configuredIds.has(id) || listed.some((i) => i.server?.id === id);
      return id && !known && offered(id) && serverIdProblem(id) === undefined
        ? regions.map((region) => ({
            label: `$(add) ${
              region === undefined
                ? vscode.l10n.t('Use server id {0}', id)
                : vscode.l10n.t('Use server id {0} in region {1}', id, region)
            }`,
            server: { ...withRegion({ id }, region), typed: true as const },
            alwaysShow: true,
          }))
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
    : profile.servers
        .filter((server) => offered(server.id))
        .map((server) => {
          const region = regions.length > 1 ? serverRegion(profile, server) : undefined;
          return {
            label: server.name || server.id,
            description: inRegion(region, server.id),
            detail: vscode.l10n.t('Configured in settings'),
            server: withRegion({ id: server.id, ...(server.name ? { name: server.name } : {}) }, region),
          };
        });
  let discovered: ServerItem[] = [];
  const failures: string[] = [];
  pick.list(configured);

  if (profile.discoverServers || options.forAdding) {
    quickPick.busy = true;
    void Promise.all(
      regions.map((region) =>
        discover(profile, region, clients, abort.signal, (page) => {
          const seen = new Set([...configuredIds, ...discovered.map((i) => i.server?.id)]);
          discovered = discovered.concat(
            page
              .filter((s) => !seen.has(s.id) && offered(s.id))
              .map((s) => ({
                label: s.name || s.id,
                description: inRegion(region, idAndStatus(s)),
                // Only what a settings entry holds: Add Server stores the pick as is.
                server: withRegion(s.name ? { id: s.id, name: s.name } : { id: s.id }, region),
              })),
          );
          pick.list([...configured, ...discovered]);
        }).catch((err: unknown) => {
          if (abort.signal.aborted) return;
          const { summary } = describeError(err, { profile: profile.name });
          failures.push(inRegion(region, vscode.l10n.t('Could not list the project servers: {0}', summary)));
          pick.listingFailed(failures.join(' · '));
          // Not an empty list that looks like "no servers": say so where the eye goes, and what still works.
          quickPick.placeholder = vscode.l10n.t(
            'The server list could not be loaded ({0}). Type a server id.',
            summary,
          );
        }),
      ),
    ).finally(() => {
      quickPick.busy = false;
    });
  }

  return pick.run();
}

async function discover(
  profile: Profile,
  region: string | undefined,
  clients: ClientProvider,
  signal: AbortSignal,
  onPage: (servers: ServerSummary[]) => void,
): Promise<void> {
  const client = await clients.get(profile.name, region);
  // Stops on a repeated marker, a page with no new server, or the page cap: see core/serverPaging.ts.
  await forEachServerPage(client, { pageSize: PAGE_SIZE, signal }, onPage);
}
