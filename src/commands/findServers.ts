import * as vscode from 'vscode';
import { regionalProfile } from '../clients/regionalProfile';
import { InputError } from '../errors/inputError';
import { queryProblemOf } from '../find/queryProblemMessage';
import { findServers, type FoundServer } from '../find/query/findServers';
import type { MetadataQuery } from '../find/query/metadataQuery';
import type { PolicyCheck } from '../find/findSession';
import { parseQuery } from '../find/query/parseQuery';
import { scriptCommands } from './commandArguments';
import type { CommandDeps } from './commandDeps';
import { failingAbout } from './failureSubject';
import { registerDeclared } from './registerDeclared';
import { unknownProfileError } from '../errors/setupError';

/** What the script form resolves to, one entry per matching server. */
export interface FindMatch {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  name: string;
  matched: Record<string, string>;
}

/** Where a find looks: these profiles, and for a profile of several regions, maybe only one region. */
export interface FindScope {
  profiles: string[];
  onlyRegion: ReadonlyMap<string, string>;
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

export function parseOrRefuse(text: string): MetadataQuery {
  try {
    return parseQuery(text);
  } catch (err) {
    const problem = queryProblemOf(err);
    throw problem ? new InputError(problem) : err;
  }
}

export function scopeFor(
  deps: CommandDeps,
  profile: string | undefined,
  region: string | undefined,
): FindScope {
  if (profile === undefined)
    return { profiles: deps.profiles.list().map((p) => p.name), onlyRegion: new Map() };
  const found = deps.profiles.get(profile);
  if (!found) throw unknownProfileError(profile);
  if (region === undefined) return { profiles: [profile], onlyRegion: new Map() };
  regionalProfile(found, region); // refuses a region the profile does not have, naming its regions
  // A profile of one region has nothing to narrow.
  return {
    profiles: [profile],
    onlyRegion: found.regions.length > 1 ? new Map([[profile, region]]) : new Map(),
  };
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

function askQuery(previous: string | undefined): Thenable<MetadataQuery | undefined> {
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Find Servers by Metadata'),
      prompt: vscode.l10n.t(
        'Terms that must all hold: env=production, app:tier=web-* (* and ?), backup.policy (present), !backup.policy (absent), note="two words", @name=…, @status=…',
      ),
      placeHolder: 'env=production !backup.policy',
      value: previous ?? '',
      ignoreFocusOut: true,
      validateInput: (text) => {
        try {
          parseQuery(text);
          return undefined;
        } catch (err) {
          return queryProblemOf(err);
        }
      },
    })
    .then((text) => (text === undefined ? undefined : parseQuery(text)));
}

/** One profile, one region of a profile of several, or all; asked only when there is a choice. */
export async function pickScope(
  deps: CommandDeps,
  title = vscode.l10n.t('Find Servers by Metadata'),
): Promise<FindScope | undefined> {
  const profiles = deps.profiles.list();
  const all = profiles.map((p) => p.name);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no ECS profile yet.'));
    return undefined;
  }
  const whole = (names: string[]): FindScope => ({ profiles: names, onlyRegion: new Map() });
  if (profiles.length === 1 && profiles[0].regions.length < 2) return whole(all);
  const items = [
    { label: vscode.l10n.t('All profiles'), scope: whole(all) },
    ...profiles.flatMap((p) => [
      { label: p.name, scope: whole([p.name]) },
      ...(p.regions.length > 1
        ? p.regions.map((region) => ({
            label: `$(globe) ${region}`,
            description: p.name,
            scope: { profiles: [p.name], onlyRegion: new Map([[p.name, region]]) },
          }))
        : []),
    ]),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Where to look'),
    ignoreFocusOut: true,
  });
  return picked?.scope;
}

/**
 * Shows the find in the view, with a progress notification whose Cancel stops the reading; with
 * `check`, the policy check (a find of every server that keeps those breaking the policy).
 */
export async function showFind(
  deps: CommandDeps,
  query: MetadataQuery,
  scope: FindScope,
  check?: PolicyCheck,
): Promise<void> {
  await vscode.commands.executeCommand('ecsMetadata.servers.focus');
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: check
        ? vscode.l10n.t('Checking the metadata policy {0}', check.source)
        : vscode.l10n.t('Finding servers: {0}', query.text),
      cancellable: true,
    },
    async (progress, token) => {
      const subscription = token.onCancellationRequested(() => deps.find.cancel());
      try {
        await deps.find.start(
          query,
          scope.profiles,
          (read, found) =>
            progress.report({
              message: check
                ? vscode.l10n.t('{0} servers read, {1} break the policy', read, found)
                : vscode.l10n.t('{0} servers read, {1} found', read, found),
            }),
          scope.onlyRegion,
          check,
        );
      } finally {
        subscription.dispose();
      }
    },
  );
}
