import * as vscode from 'vscode';
import type { BulkPlan, BulkRequest, BulkTarget, ServerPlan } from '../../bulk/bulkPlan';
import { countOutcomes, runBulk, type BulkRunResult, type ServerResult } from '../../bulk/bulkRun';
import { BULK_CONCURRENCY } from '../../bulk/bulkConcurrency';
import { planUndo } from '../../bulk/bulkUndo';
import type { ClientProvider } from '../../clients/clientProvider';
import type { MetadataWriter } from '../../metadata/metadataWriter';
import type { BulkDocuments } from './bulkDocuments';
import { keysSentence, resultText, serverLine, summaryLine } from './bulkTexts';

/** A batch that ran: what it asked, what it planned, how each server ended, and when. */
export interface Batch {
  request: BulkRequest;
  plan: BulkPlan;
  results: ServerResult[];
  cancelled: boolean;
  at: Date;
}

/**
 * Runs confirmed bulk changes with a progress notification whose Cancel stops the servers not yet
 * started; tells the tree and the panel of every server written; keeps the last batch for Retry
 * Failed and Undo, in memory only.
 */
export class BulkBatches {
  private last: Batch | undefined;

  constructor(
    private readonly clients: ClientProvider,
    private readonly writer: MetadataWriter,
    private readonly documents: BulkDocuments,
  ) {}

  get lastBatch(): Batch | undefined {
    return this.last;
  }

  /** Writes `plans` (already confirmed) with progress; the batch is kept as the last one. */
  async run(
    request: BulkRequest,
    plan: BulkPlan,
    plans: readonly ServerPlan[] = plan.changes,
  ): Promise<Batch> {
    const run = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title:
          plans.length === 1
            ? vscode.l10n.t('Changing the metadata of 1 server')
            : vscode.l10n.t('Changing the metadata of {0} servers', plans.length),
        cancellable: true,
      },
      async (progress, token): Promise<BulkRunResult> => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          return await runBulk(plans, (p) => this.clients.get(p.profile, p.region), {
            concurrency: BULK_CONCURRENCY,
            signal: abort.signal,
            onResult: (result, done, total) => {
              if (result.outcome === 'changed') this.announce(result.plan);
              progress.report({
                message: vscode.l10n.t('{0} of {1}', done, total),
                increment: 100 / Math.max(1, total),
              });
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
    const batch: Batch = { request, plan, results: run.results, cancelled: run.cancelled, at: new Date() };
    if (run.results.some((r) => r.outcome === 'changed')) this.last = batch;
    return batch;
  }

  /** The summary a person sees after a batch, with Show Details, Retry Failed and Undo. */
  async report(batch: Batch): Promise<void> {
    const counts = countOutcomes(batch.results);
    const line = summaryLine(batch.results, batch.plan.unchanged.length);
    const details = vscode.l10n.t('Show Details');
    const retry = vscode.l10n.t('Retry Failed');
    const undo = vscode.l10n.t('Undo');
    const actions = [
      details,
      ...(counts.failed + counts.unknown > 0 ? [retry] : []),
      ...(counts.changed > 0 ? [undo] : []),
    ];
    const problems = counts.failed + counts.unknown + counts.notStarted > 0;
    const picked = problems
      ? await vscode.window.showWarningMessage(line, ...actions)
      : await vscode.window.showInformationMessage(line, ...actions);
    if (picked === details) await this.showResult(batch);
    else if (picked === retry) await this.retryFailed(batch);
    else if (picked === undo) await this.undo(batch, true);
  }

  async showResult(batch: Batch): Promise<vscode.Uri> {
    return this.documents.show(
      vscode.l10n.t('Bulk change result'),
      resultText(batch.results, batch.plan.unchanged, batch.at),
    );
  }

  /** The failed and unknown servers of `batch` again (the same plans: a merge is harmless to repeat). */
  async retryFailed(batch: Batch): Promise<Batch> {
    const again = batch.results
      .filter((r) => r.outcome === 'failed' || r.outcome === 'unknown')
      .map((r) => r.plan);
    const retried = await this.run(batch.request, batch.plan, again);
    const merged = batch.results.map((r) => retried.results.find((x) => x.plan === r.plan) ?? r);
    const combined: Batch = { ...batch, results: merged, at: retried.at };
    this.last = combined;
    await this.report(combined);
    return combined;
  }

  /**
   * Undo of a batch: reads each changed server now, puts back the old values where the server still
   * holds what the batch wrote, and leaves the others (someone changed them since) as conflicts.
   * Asks first, naming the batch's time, the servers and the keys.
   */
  async undo(
    batch: Batch,
    byPerson: boolean,
  ): Promise<{ results: ServerResult[]; conflicts: ServerPlan[] } | undefined> {
    const changed = batch.results.filter((r) => r.outcome === 'changed').map((r) => r.plan);
    const now = new Map<ServerPlan, Record<string, string>>();
    await Promise.all(
      changed.map(async (plan) => {
        try {
          const client = await this.clients.get(plan.profile, plan.region);
          now.set(plan, await client.listMetadata(plan.serverId));
        } catch {
          // Not readable now: a conflict, left alone.
        }
      }),
    );
    const undo = planUndo(changed, (p) => now.get(p));
    const write = vscode.l10n.t('Undo');
    const conflictLines = undo.conflicts.map((c) => `${serverLine(c.plan)}: ${c.keys.join(', ')}`);
    const detail = [
      keysSentence(batch.request),
      ...(undo.conflicts.length > 0
        ? [vscode.l10n.t('Changed since, left alone ({0}):', undo.conflicts.length), ...conflictLines]
        : []),
    ].join('\n');
    const answer = await vscode.window.showWarningMessage(
      undo.changes.length === 1
        ? vscode.l10n.t('Undo the bulk change of {0} to 1 server?', batch.at.toLocaleTimeString())
        : vscode.l10n.t(
            'Undo the bulk change of {0} to {1} servers?',
            batch.at.toLocaleTimeString(),
            undo.changes.length,
          ),
      { modal: true, detail },
      write,
    );
    if (answer !== write) return undefined;
    const undoRequest: BulkRequest = { set: {}, remove: [] };
    const undone = await this.run(undoRequest, { changes: undo.changes, unchanged: [] });
    // Neither the batch nor its undo is undone by a second Undo.
    this.last = undefined;
    if (byPerson) {
      void vscode.window.showInformationMessage(
        undoneMessage(countOutcomes(undone.results).changed, undo.conflicts.length),
      );
    }
    return { results: undone.results, conflicts: undo.conflicts.map((c) => c.plan) };
  }

  /** Tells the tree, the panel and open documents that this server's keys were written. */
  private announce(plan: ServerPlan): void {
    this.writer.announce({
      target: {
        profile: plan.profile,
        ...(plan.region !== undefined ? { region: plan.region } : {}),
        serverId: plan.serverId,
        serverName: plan.name,
      },
      keys: [...Object.keys(plan.set), ...plan.remove],
    });
  }
}

/** The targets of a find's matches. */
export function targetsOfMatches(
  matches: readonly {
    profile: string;
    server: { id: string; name: string; region?: string; metadata: Record<string, string> };
  }[],
): BulkTarget[] {
  return matches.map(({ profile, server }) => ({
    profile,
    ...(server.region !== undefined ? { region: server.region } : {}),
    serverId: server.id,
    name: server.name,
    metadata: server.metadata,
  }));
}

/** What a person's Undo did: on how many servers, and how many it left alone as changed since. */
function undoneMessage(changed: number, conflicts: number): string {
  if (conflicts === 0) {
    return changed === 1
      ? vscode.l10n.t('Undone on 1 server.')
      : vscode.l10n.t('Undone on {0} servers.', changed);
  }
  return changed === 1
    ? vscode.l10n.t('Undone on 1 server; {0} changed since and left alone.', conflicts)
    : vscode.l10n.t('Undone on {0} servers; {1} changed since and left alone.', changed, conflicts);
}
