import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import { queryProblemOf } from '../find/queryProblemMessage';
import { findServers } from '../query/findServers';
import type { MetadataQuery } from '../query/metadataQuery';
import { parseQuery } from '../query/parseQuery';
import { CommandId } from './commandIds';
import type { CommandDeps } from './commandDeps';
import { failingAbout } from './failureSubject';
import { registerCommand } from './registerCommand';
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

interface ScriptArgs {
  query: string;
  profile?: string;
  /** Show the find in the Servers view (with its progress) instead of only resolving to it. */
  showInView?: boolean;
}

/**
 * `ecsMetadata.findServers` — Find Servers by Metadata…. A person types a query (checked as they
 * type), picks one profile or all, and the Servers view shows the matches as pages arrive, with a
 * progress notification that cancels. A script passes `{ profile?, query }` and gets the matches
 * without any UI (all profiles when `profile` is left out).
 */
export function registerFindServers(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.findServers, async (call) => {
    if (!call.byPerson) {
      const script = scriptArgs(call.arg);
      const query = parseOrRefuse(script.query);
      const profiles = profilesFor(deps, script.profile);
      if (!script.showInView) return findForScript(deps, query, profiles);
      await showFind(deps, query, profiles);
      return undefined;
    }
    const query = await askQuery(deps.find.query?.text);
    if (!query) return undefined;
    const profiles = await pickScope(deps);
    if (!profiles) return undefined;
    await showFind(deps, query, profiles);
    return undefined;
  });
}

function scriptArgs(arg: unknown): ScriptArgs {
  const { query, profile, showInView } = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<
    string,
    unknown
  >;
  if (typeof query !== 'string' || (profile !== undefined && typeof profile !== 'string')) {
    throw new InputError(vscode.l10n.t('Expected arguments {0}.', '{ profile?, query }'));
  }
  return { query, ...(profile ? { profile } : {}), showInView: showInView === true };
}

function parseOrRefuse(text: string): MetadataQuery {
  try {
    return parseQuery(text);
  } catch (err) {
    const problem = queryProblemOf(err);
    throw problem ? new InputError(problem) : err;
  }
}

function profilesFor(deps: CommandDeps, profile: string | undefined): string[] {
  if (profile === undefined) return deps.profiles.list().map((p) => p.name);
  if (!deps.profiles.get(profile)) {
    throw unknownProfileError(profile);
  }
  return [profile];
}

async function findForScript(
  deps: CommandDeps,
  query: MetadataQuery,
  profiles: string[],
): Promise<FindMatch[]> {
  const perProfile = await Promise.all(
    profiles.map((profile) =>
      failingAbout({ profile }, async () => {
        const found: FindMatch[] = [];
        // A profile of several regions: every region, each match saying its region.
        for (const region of deps.clients.regionsOf(profile)) {
          const client = await deps.clients.get(profile, region);
          const { matches } = await findServers(client, query);
          found.push(
            ...matches.map((m): FindMatch => ({
              profile,
              ...(region ? { region } : {}),
              serverId: m.id,
              name: m.name,
              matched: m.matched,
            })),
          );
        }
        return found;
      }),
    ),
  );
  return perProfile.flat();
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

/** One profile or all of them; asked only when there are several. */
async function pickScope(deps: CommandDeps): Promise<string[] | undefined> {
  const all = deps.profiles.list().map((p) => p.name);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no ECS profile yet.'));
    return undefined;
  }
  if (all.length === 1) return all;
  const everyProfile = { label: vscode.l10n.t('All profiles'), names: all };
  const picked = await vscode.window.showQuickPick(
    [everyProfile, ...all.map((name) => ({ label: name, names: [name] }))],
    {
      title: vscode.l10n.t('Find Servers by Metadata'),
      placeHolder: vscode.l10n.t('Where to look'),
      ignoreFocusOut: true,
    },
  );
  return picked?.names;
}

/** Shows the find in the view, with a progress notification whose Cancel stops the reading. */
async function showFind(deps: CommandDeps, query: MetadataQuery, profiles: string[]): Promise<void> {
  await vscode.commands.executeCommand('ecsMetadata.servers.focus');
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Finding servers: {0}', query.text),
      cancellable: true,
    },
    async (progress, token) => {
      const subscription = token.onCancellationRequested(() => deps.find.cancel());
      try {
        await deps.find.start(query, profiles, (read, found) =>
          progress.report({ message: vscode.l10n.t('{0} servers read, {1} found', read, found) }),
        );
      } finally {
        subscription.dispose();
      }
    },
  );
}
