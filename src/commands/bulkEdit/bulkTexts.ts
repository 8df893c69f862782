/**
 * The words of a bulk change a person reads: the plan (each server with each change, old → new, and
 * the servers already in that state), the modal's summary, the result per server and the one-line
 * summary. Values are masked while Mask Values is on.
 */
import * as vscode from 'vscode';
import type { BulkPlan, BulkRequest, ServerPlan } from '../../bulk/bulkPlan';
import { countOutcomes, type ServerResult } from '../../bulk/bulkRun';
import { hasOwn } from '../../metadata/metadataChange';
import { describeError } from '../../errors/userMessage';
import { settings } from '../../settings/settings';

const MASK = '••••••';

function shown(value: string): string {
  return settings.maskValues() ? MASK : JSON.stringify(value);
}

/** "web-01 (3f1c…) · Local sample · cn-north-4" */
export function serverLine(s: { name: string; serverId: string; profile: string; region?: string }): string {
  return [`${s.name} (${s.serverId})`, s.profile, ...(s.region ? [s.region] : [])].join(' · ');
}

/** One line per change of one server: `key: old → new`, `key: (new) → new`, `key: old → deleted`. */
export function changeLines(plan: ServerPlan): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(plan.set)) {
    const old = hasOwn(plan.before, key) ? shown(plan.before[key] as string) : vscode.l10n.t('(new key)');
    lines.push(`${key}: ${old} → ${shown(value)}`);
  }
  for (const key of plan.remove) {
    lines.push(`${key}: ${shown(plan.before[key] ?? '')} → ${vscode.l10n.t('deleted')}`);
  }
  return lines;
}

/** "Set: owner = "team-web", env = … · Remove: scratch" */
export function requestLine(request: BulkRequest): string {
  const parts: string[] = [];
  const set = Object.entries(request.set).map(([k, v]) => `${k} = ${shown(v)}`);
  if (set.length > 0) parts.push(vscode.l10n.t('Set: {0}', set.join(', ')));
  if (request.remove.length > 0) parts.push(vscode.l10n.t('Remove: {0}', request.remove.join(', ')));
  return parts.join(' · ');
}

export function planText(plan: BulkPlan, request: BulkRequest, scope: string): string {
  const lines = [
    vscode.l10n.t('Bulk metadata change — plan. Nothing has been written yet.'),
    scope,
    requestLine(request),
    plan.changes.length + plan.unchanged.length === 1
      ? plan.changes.length === 1
        ? vscode.l10n.t('1 server, to change.')
        : vscode.l10n.t('1 server, already in that state (no request).')
      : vscode.l10n.t(
          '{0} servers: {1} to change, {2} already in that state (no request).',
          plan.changes.length + plan.unchanged.length,
          plan.changes.length,
          plan.unchanged.length,
        ),
    '',
  ];
  // Grouped by profile (and region), so each server's line is short: its name and id.
  const groups = new Map<string, ServerPlan[]>();
  for (const server of plan.changes) {
    const group = [server.profile, ...(server.region ? [server.region] : [])].join(' · ');
    groups.set(group, [...(groups.get(group) ?? []), server]);
  }
  for (const [group, servers] of groups) {
    lines.push(`${group}:`, '');
    for (const server of servers) {
      lines.push(`${server.name} (${server.serverId})`, ...changeLines(server).map((l) => `  ${l}`), '');
    }
  }
  if (plan.unchanged.length > 0) {
    lines.push(vscode.l10n.t('Unchanged (already in that state):'));
    for (const t of plan.unchanged) lines.push(`  ${serverLine(t)}`);
  }
  return lines.join('\n');
}

/** The keys set and removed, for the modal: "Set owner, env; remove scratch." */
export function keysSentence(request: BulkRequest): string {
  const set = Object.keys(request.set);
  if (set.length > 0 && request.remove.length > 0)
    return vscode.l10n.t('Set {0}; remove {1}.', set.join(', '), request.remove.join(', '));
  if (set.length > 0) return vscode.l10n.t('Set {0}.', set.join(', '));
  return vscode.l10n.t('Remove {0}.', request.remove.join(', '));
}

/** Why one server failed, in a few words: "resizing", "quota exceeded"… */
export function failureWords(result: ServerResult): string {
  if (result.kind === 'conflict' && result.taskState) {
    return vscode.l10n.t('busy: {0}', result.taskState);
  }
  if (result.error !== undefined) return describeError(result.error).summary;
  return result.kind ?? '';
}

/** "changed 997 · unchanged 2 · failed 1 — web-07: busy: resize_migrating" */
export function summaryLine(results: readonly ServerResult[], unchanged: number): string {
  const c = countOutcomes(results);
  const parts = [
    vscode.l10n.t('changed {0}', c.changed),
    vscode.l10n.t('unchanged {0}', unchanged),
    ...(c.failed > 0 ? [vscode.l10n.t('failed {0}', c.failed)] : []),
    ...(c.unknown > 0 ? [vscode.l10n.t('unknown {0}', c.unknown)] : []),
    ...(c.notStarted > 0 ? [vscode.l10n.t('not started {0}', c.notStarted)] : []),
  ];
  const firstProblem = results.find((r) => r.outcome === 'failed' || r.outcome === 'unknown');
  const tail = firstProblem ? ` — ${firstProblem.plan.name}: ${failureWords(firstProblem)}` : '';
  return parts.join(' · ') + tail;
}

/** A server as the texts name it. */
export type NamedServer = Parameters<typeof serverLine>[0];

export function resultText(
  results: readonly ServerResult[],
  unchanged: readonly NamedServer[],
  when: Date,
): string {
  const lines = [
    vscode.l10n.t('Bulk metadata change — result of {0}', when.toLocaleTimeString()),
    summaryLine(results, unchanged.length),
    '',
  ];
  const section = (title: string, rows: string[]): void => {
    if (rows.length === 0) return;
    lines.push(title, ...rows.map((r) => `  ${r}`), '');
  };
  const of = (outcome: ServerResult['outcome']): ServerResult[] =>
    results.filter((r) => r.outcome === outcome);
  section(
    vscode.l10n.t('Failed:'),
    of('failed').map((r) => `${serverLine(r.plan)} — ${failureWords(r)}`),
  );
  section(
    vscode.l10n.t('Unknown (the answer was lost and the server could not be read back):'),
    of('unknown').map((r) => `${serverLine(r.plan)} — ${failureWords(r)}`),
  );
  section(
    vscode.l10n.t('Not started (cancelled):'),
    of('notStarted').map((r) => serverLine(r.plan)),
  );
  section(
    vscode.l10n.t('Changed:'),
    of('changed').flatMap((r) => [serverLine(r.plan), ...changeLines(r.plan).map((l) => `  ${l}`)]),
  );
  section(
    vscode.l10n.t('Unchanged:'),
    unchanged.map((p) => serverLine(p)),
  );
  return lines.join('\n');
}
