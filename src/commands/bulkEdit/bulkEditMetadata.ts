import * as vscode from 'vscode';
import {
  planBulk,
  type BulkPlan,
  type BulkRequest,
  type BulkTarget,
  type ServerPlan,
} from '../../bulk/bulkPlan';
import { countOutcomes, type ServerResult } from '../../bulk/bulkRun';
import { InputError } from '../../errors/inputError';
import { unknownProfileError } from '../../errors/setupError';
import { FoundProfileNode } from '../../find/foundProfileNode';
import { CommandId } from '../../commandBase/commandIds';
import type { CommandDeps } from '../commandDeps';
import { failingAbout } from '../failureSubject';
import { parseOrRefuse, scopeFor } from '../../find/findScope';
import { findInScope } from '../findServers';
import { scriptCommands, type BulkEditArguments } from '../commandArguments';
import { onBehalfOfPerson } from '../../commandBase/personRequest';
import { registerCommand } from '../registerCommand';
import { registerDeclared } from '../registerDeclared';
import { cancelledError } from '../../core';
import type { BulkBatches } from './bulkBatch';
import { targetsOfMatches } from './bulkBatch';
import { askBulkChange, bulkRequestProblemText } from './bulkChangeInput';
import type { BulkDocuments } from './bulkDocuments';
import { keysSentence, planText } from './bulkTexts';
import { consequence, refuseUnpermitted } from '../../metadata/confirmChange';
import { isProtectedKey } from '../../metadata/protectedKeys';
import { settings } from '../../settings/settings';

/** Where a server is: its profile, region (in a profile of several) and id. */
type ServerPlace = Pick<ServerPlan, 'profile' | 'region' | 'serverId'>;

/** What the script form resolves to: each server's plan, and after the writes each one's outcome. */
export interface BulkEditAnswer {
  plan: Pick<ServerPlan, keyof ServerPlace | 'name' | 'set' | 'remove'>[];
  results?: (ServerPlace & Pick<ServerResult, 'outcome' | 'kind' | 'message'>)[];
}

/**
 * `ecsMetadata.bulkEditMetadata` — Change Metadata of Found Servers…. A person changes the servers the
 * find shows (all of it, or one profile's part from that profile's menu): what to set and remove,
 * then the plan in an editor (each server, each change old → new, the ones already so marked
 * unchanged), then a modal naming the count and the keys; then the writes with progress and Cancel,
 * and a summary with Retry Failed and Undo. A script passes `{ query | servers, profile?, region?,
 * set?, remove?, dryRun? }`: `dryRun` resolves to the plan and asks and writes nothing; otherwise the
 * same modal a person sees, always.
 */
export function registerBulkEditMetadata(
  deps: CommandDeps,
  batches: BulkBatches,
  documents: BulkDocuments,
): vscode.Disposable {
  return registerDeclared(scriptCommands.bulkEditMetadata, async (call) => {
    const args = call.script;
    if (args) {
      // A system key without allowProtected: refused at once, before any request or modal.
      refuseUnpermitted([...Object.keys(args.request.set), ...args.request.remove], args.allowProtected);
      return forScript(deps, batches, documents, args);
    }
    if (call.arg instanceof PrefilledBulkChange) {
      const { targets, request, scope } = call.arg;
      return planAndWrite(deps, batches, documents, planBulk(targets, request), request, scope);
    }
    const onlyProfile = call.arg instanceof FoundProfileNode ? call.arg.profile.name : undefined;
    let targets = foundTargets(deps, onlyProfile);
    if (targets.length === 0) {
      const find = vscode.l10n.t('Find Servers…');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('Find the servers to change first: the change applies to the servers a find shows.'),
        find,
      );
      if (answer !== find) return undefined;
      await vscode.commands.executeCommand(CommandId.findServers, onBehalfOfPerson(undefined));
      targets = foundTargets(deps, onlyProfile);
      if (targets.length === 0) return undefined;
    }
    const request = await askBulkChange(targets.length);
    if (!request) return undefined;
    const plan = planBulk(targets, request);
    return planAndWrite(deps, batches, documents, plan, request, scopeWords(deps, onlyProfile));
  });
}

/**
 * A change another command worked out for a person (Fix Servers That Break the Policy…): bulk edit
 * shows its plan and modal as for a change the person typed; nothing is written without them.
 */
export class PrefilledBulkChange {
  constructor(
    readonly targets: BulkTarget[],
    readonly request: BulkRequest,
    /** What the plan says the servers are. */
    readonly scope: string,
  ) {}
}

/** The plan and the modal; when confirmed, the writes, the find read again and the summary. */
async function planAndWrite(
  deps: CommandDeps,
  batches: BulkBatches,
  documents: BulkDocuments,
  plan: BulkPlan,
  request: BulkRequest,
  scope: string,
): Promise<undefined> {
  if (!(await showPlanAndConfirm(documents, plan, request, scope))) return undefined;
  const batch = await batches.run(request, plan);
  await deps.find.refresh();
  void batches.report(batch);
  return undefined;
}

function foundTargets(deps: CommandDeps, onlyProfile: string | undefined): BulkTarget[] {
  if (!deps.find.query) return [];
  return targetsOfMatches(
    deps.find.allMatches().filter((m) => onlyProfile === undefined || m.profile === onlyProfile),
  );
}

function scopeWords(deps: CommandDeps, onlyProfile: string | undefined): string {
  const query = deps.find.query?.text ?? '';
  const profiles = onlyProfile ?? deps.find.profiles.join(', ');
  return vscode.l10n.t('Servers found by "{0}" in {1}', query, profiles);
}

/**
 * Opens the plan and asks in a modal naming how many servers and which keys; true when confirmed.
 * A plan with nothing to write says so and asks nothing.
 */
async function showPlanAndConfirm(
  documents: BulkDocuments,
  plan: BulkPlan,
  request: BulkRequest,
  scope: string,
): Promise<boolean> {
  await documents.show(vscode.l10n.t('Bulk change plan'), planText(plan, request, scope));
  if (plan.changes.length === 0) {
    void vscode.window.showInformationMessage(
      plan.unchanged.length === 1
        ? vscode.l10n.t('Nothing to change: the server already holds this.')
        : vscode.l10n.t('Nothing to change: all {0} servers already hold this.', plan.unchanged.length),
    );
    return false;
  }
  const count = plan.changes.length;
  const write =
    count === 1 ? vscode.l10n.t('Write to 1 Server') : vscode.l10n.t('Write to {0} Servers', count);
  const profiles = [...new Set(plan.changes.map((p) => p.profile))].join(', ');
  const answer = await vscode.window.showWarningMessage(
    count === 1
      ? vscode.l10n.t('Change the metadata of 1 server in {0}?', profiles)
      : vscode.l10n.t('Change the metadata of {0} servers in {1}?', count, profiles),
    {
      modal: true,
      detail: [
        keysSentence(request),
        ...(plan.unchanged.length > 0
          ? [
              plan.unchanged.length === 1
                ? vscode.l10n.t('1 server already holds this and gets no request.')
                : vscode.l10n.t('{0} servers already hold this and get no request.', plan.unchanged.length),
            ]
          : []),
        vscode.l10n.t('The plan, server by server, is open in the editor.'),
      ].join('\n'),
    },
    write,
  );
  return answer === write && confirmProtectedKeys(plan);
}

/** A second, separate modal when the plan changes a protected key, naming each and what it does. */
async function confirmProtectedKeys(plan: BulkPlan): Promise<boolean> {
  const globs = settings.protectedKeys();
  const keys = [...new Set(plan.changes.flatMap((p) => [...Object.keys(p.set), ...p.remove]))]
    .filter((key) => isProtectedKey(key, globs))
    .sort();
  if (keys.length === 0) return true;
  const servers = plan.changes.filter((p) =>
    keys.some((k) => Object.prototype.hasOwnProperty.call(p.set, k) || p.remove.includes(k)),
  ).length;
  const change = vscode.l10n.t('Change System Key');
  const answer = await vscode.window.showWarningMessage(
    servers === 1
      ? vscode.l10n.t('Change system keys {0} on 1 server?', keys.join(', '))
      : vscode.l10n.t('Change system keys {0} on {1} servers?', keys.join(', '), servers),
    {
      modal: true,
      detail: [
        ...keys.map((key) => vscode.l10n.t('{0}: {1}', key, consequence(key, 'each'))),
        vscode.l10n.t(
          'The cloud sets system keys itself (setting ecsMetadata.protectedKeys). Change anyway?',
        ),
      ].join('\n'),
    },
    change,
  );
  return answer === change;
}

async function forScript(
  deps: CommandDeps,
  batches: BulkBatches,
  documents: BulkDocuments,
  args: BulkEditArguments,
): Promise<BulkEditAnswer> {
  const problem = bulkRequestProblemText(args.request);
  if (problem) throw new InputError(problem);
  const targets = args.servers ? await readServers(deps, args.servers) : await queryTargets(deps, args);
  const plan = planBulk(targets, args.request);
  const answer: BulkEditAnswer = {
    plan: [
      ...plan.changes.map((p) => ({ ...where(p), name: p.name, set: { ...p.set }, remove: [...p.remove] })),
      ...plan.unchanged.map((t) => ({ ...where(t), name: t.name, set: {}, remove: [] })),
    ],
  };
  if (args.dryRun) return answer;
  if (plan.changes.length === 0) {
    throw new InputError(
      plan.unchanged.length === 1
        ? vscode.l10n.t('Nothing to change: the server already holds this.')
        : vscode.l10n.t('Nothing to change: all {0} servers already hold this.', plan.unchanged.length),
    );
  }
  const scope = args.query
    ? vscode.l10n.t(
        'Servers found by "{0}" in {1}',
        args.query,
        args.profile ?? vscode.l10n.t('all profiles'),
      )
    : vscode.l10n.t('Servers named by a script');
  if (!(await showPlanAndConfirm(documents, plan, args.request, scope))) throw cancelledError();
  const batch = await batches.run(args.request, plan);
  answer.results = [
    ...batch.results.map((r) => resultOf(r)),
    ...plan.unchanged.map((t) => ({ ...where(t), outcome: 'unchanged' as const })),
  ];
  return answer;
}

function where(s: ServerPlace): ServerPlace {
  return {
    profile: s.profile,
    ...(s.region !== undefined ? { region: s.region } : {}),
    serverId: s.serverId,
  };
}

function resultOf(r: ServerResult): NonNullable<BulkEditAnswer['results']>[number] {
  return {
    ...where(r.plan),
    outcome: r.outcome,
    ...(r.kind !== undefined ? { kind: r.kind } : {}),
    ...(r.message !== undefined ? { message: r.message } : {}),
  };
}

async function queryTargets(deps: CommandDeps, args: BulkEditArguments): Promise<BulkTarget[]> {
  const query = parseOrRefuse(args.query ?? '');
  const scope = scopeFor(deps, args.profile, args.region);
  return targetsOfMatches(await findInScope(deps, query, scope));
}

/** Each named server's metadata and name, read now (two GETs a server). */
async function readServers(
  deps: CommandDeps,
  servers: NonNullable<BulkEditArguments['servers']>,
): Promise<BulkTarget[]> {
  return Promise.all(
    servers.map((s) =>
      failingAbout({ profile: s.profile, serverId: s.serverId }, async () => {
        if (!deps.profiles.get(s.profile)) throw unknownProfileError(s.profile);
        const client = await deps.clients.get(s.profile, s.region);
        const [metadata, summary] = await Promise.all([
          client.listMetadata(s.serverId),
          client.getServer(s.serverId),
        ]);
        return { ...where(s), name: summary.name, metadata };
      }),
    ),
  );
}

/** Undo of the last batch, for the palette: `ecsMetadata.undoBulkChange`. */
export function registerUndoBulkChange(batches: BulkBatches): vscode.Disposable {
  return registerCommand(CommandId.undoBulkChange, async (call) => {
    const batch = batches.lastBatch;
    if (!batch) {
      if (call.byPerson) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no bulk change to undo.'));
        return undefined;
      }
      throw new InputError(vscode.l10n.t('There is no bulk change to undo.'));
    }
    const undone = await batches.undo(batch, call.byPerson);
    if (!undone) {
      if (call.byPerson) return undefined;
      throw cancelledError();
    }
    return {
      results: undone.results.map((r) => resultOf(r)),
      conflicts: undone.conflicts.map((p) => where(p)),
      changed: countOutcomes(undone.results).changed,
    };
  });
}
