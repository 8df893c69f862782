import type * as vscode from 'vscode';
import { askQuery, parseOrRefuse, pickScope, scopeFor, showFind, type FindScope } from '../find/findScope';
import { findServers, type FoundServer } from '../find/query/findServers';
import type { MetadataQuery } from '../find/query/metadataQuery';
import { scriptCommands } from './commandArguments';
import type { CommandDeps } from './commandDeps';
import { failingAbout } from './failureSubject';
import { registerDeclared } from './registerDeclared';

/** What the script form resolves to, one entry per matching server. */
export interface FindMatch {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  name: string;
  matched: Record<string, string>;
}

/**
 * `ecsMetadata.findServers` — Find Servers by Metadata…. A person types a query (checked as they
 * type), picks one profile, one region of a profile of several, or all, and the Servers view shows
 * the matches as pages arrive, with a progress notification that cancels. A script passes
 * `{ profile?, region?, query }` and gets the matches without any UI (all profiles when `profile` is
 * left out, every region of it when `region` is).
 */
export function registerFindServers(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.findServers, async (call) => {
    const script = call.script;
    if (script) {
      const query = parseOrRefuse(script.query);
      const scope = scopeFor(deps, script.profile, script.region);
      if (!script.showInView) return findForScript(deps, query, scope);
      await showFind(deps, query, scope);
      return undefined;
    }
    const query = await askQuery(deps.find.query?.text);
    if (!query) return undefined;
    const scope = await pickScope(deps);
    if (!scope) return undefined;
    await showFind(deps, query, scope);
    return undefined;
  });
}

/** Every server of `scope` that matches `query`, with its whole metadata (the find listing, no UI). */
export async function findInScope(
  deps: CommandDeps,
  query: MetadataQuery,
  scope: FindScope,
): Promise<{ profile: string; server: FoundServer }[]> {
  const perProfile = await Promise.all(
    scope.profiles.map((profile) =>
      failingAbout({ profile }, async () => {
        const found: { profile: string; server: FoundServer }[] = [];
        // A profile of several regions: every region, each match saying its region.
        const only = scope.onlyRegion.get(profile);
        for (const region of only !== undefined ? [only] : deps.clients.regionsOf(profile)) {
          const client = await deps.clients.get(profile, region);
          const { matches } = await findServers(client, query);
          found.push(
            ...matches.map((server) => ({ profile, server: region ? { ...server, region } : server })),
          );
        }
        return found;
      }),
    ),
  );
  return perProfile.flat();
}

async function findForScript(
  deps: CommandDeps,
  query: MetadataQuery,
  scope: FindScope,
): Promise<FindMatch[]> {
  return (await findInScope(deps, query, scope)).map(({ profile, server }): FindMatch => ({
    profile,
    ...(server.region ? { region: server.region } : {}),
    serverId: server.id,
    name: server.name,
    matched: server.matched,
  }));
}
