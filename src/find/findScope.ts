import * as vscode from 'vscode';
import { regionalProfile } from '../clients/regionalProfile';
import { InputError } from '../errors/inputError';
import { unknownProfileError } from '../errors/setupError';
import type { ProfileStore } from '../profiles/profileStore';
import type { FindSession, PolicyCheck } from './findSession';
import type { MetadataQuery } from './query/metadataQuery';
import { parseQuery } from './query/parseQuery';
import { queryProblemOf } from './queryProblemMessage';

/** What asking for and showing a find needs of what `activate()` builds (the command deps hold it). */
export interface FindDeps {
  profiles: ProfileStore;
  find: FindSession;
}

/** Where a find looks: these profiles, and for a profile of several regions, maybe only one region. */
export interface FindScope {
  profiles: string[];
  onlyRegion: ReadonlyMap<string, string>;
}

/** The query `text` says, or an `InputError` naming the term that is wrong. */
export function parseOrRefuse(text: string): MetadataQuery {
  try {
    return parseQuery(text);
  } catch (err) {
    const problem = queryProblemOf(err);
    throw problem ? new InputError(problem) : err;
  }
}

/** The scope a script names: every profile, one, or one region of one; refuses an unknown one. */
export function scopeFor(deps: FindDeps, profile: string | undefined, region: string | undefined): FindScope {
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

/** Asks a person for a query, checked as they type; `previous` is the find shown. */
export function askQuery(previous: string | undefined): Thenable<MetadataQuery | undefined> {
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
  deps: FindDeps,
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
  deps: FindDeps,
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
