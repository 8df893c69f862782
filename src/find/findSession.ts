import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { Disposable } from '../lifecycle/disposable';
import { findServers, type FoundServer } from './query/findServers';
import type { MetadataQuery } from './query/metadataQuery';
import { evaluatePolicy } from '../policy/evaluatePolicy';
import type { Policy, Violation } from '../policy/policy';

/** A server the session shows: a find's match, or in a policy check a server that breaks the policy. */
export interface SessionMatch extends FoundServer {
  /** In a policy check: how the server breaks the policy (never empty). */
  violations?: Violation[];
}

/** A policy check the session shows instead of a find: the policy and where it came from. */
export interface PolicyCheck {
  policy: Policy;
  /** The policy file as a person knows it (relative to its workspace folder when inside one). */
  source: string;
}

/** A query of no terms: every server of the listing, with its metadata. */
export const EVERY_SERVER: MetadataQuery = { text: '', terms: [] };

export type ProfileFindState = 'reading' | 'done' | 'cancelled' | 'failed';

/** The find results of one profile, kept for the session with when they were read. */
export interface ProfileFind {
  profile: string;
  state: ProfileFindState;
  /** Matches so far; grows page by page while reading. */
  matches: SessionMatch[];
  serversRead: number;
  /** When this reading started. */
  readAt: Date;
  error?: unknown;
}

/**
 * The current Find Servers by Metadata: its query, the profiles it covers and each profile's
 * results. A new find, a refresh or Clear aborts any reading in flight. Fires with a profile name
 * when that profile's results change, and with undefined when the whole find does. A policy check
 * is a find of every server that keeps only the servers breaking the policy, each with its
 * violations (`policyCheck` says which policy).
 */
export class FindSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChange: vscode.Event<string | undefined> = this.changed.event;
  private current: MetadataQuery | undefined;
  private checking: PolicyCheck | undefined;
  private readonly results = new Map<string, ProfileFind>();
  private readonly readings = new Map<string, AbortController>();
  /** Profiles of several regions the find reads in one region only. */
  private onlyRegion: ReadonlyMap<string, string> = new Map();

  constructor(private readonly clients: ClientProvider) {
    super();
    this.register({ dispose: () => this.stopReading() });
  }

  get query(): MetadataQuery | undefined {
    return this.current;
  }

  /** Profiles the find covers, in the order asked. */
  get profiles(): string[] {
    return [...this.results.keys()];
  }

  /** The policy check shown, when the session shows one instead of a find. */
  get policyCheck(): PolicyCheck | undefined {
    return this.checking;
  }

  result(profile: string): ProfileFind | undefined {
    return this.results.get(profile);
  }

  /** Every match of every profile, for export. */
  allMatches(): { profile: string; server: SessionMatch }[] {
    return [...this.results.values()].flatMap((r) =>
      r.matches.map((server) => ({ profile: r.profile, server })),
    );
  }

  /**
   * Starts a new find over `profiles` (a profile of several regions in every region, or only the one
   * `onlyRegion` names for it); resolves when every profile has finished, failed or stopped. With
   * `check` (and the query EVERY_SERVER): the policy check, keeping the servers that break it.
   */
  start(
    query: MetadataQuery,
    profiles: string[],
    onProgress?: (read: number, found: number) => void,
    onlyRegion: ReadonlyMap<string, string> = new Map(),
    check?: PolicyCheck,
  ): Promise<void> {
    this.stopReading();
    this.current = query;
    this.checking = check;
    this.onlyRegion = onlyRegion;
    this.results.clear();
    for (const profile of profiles) this.results.set(profile, this.emptyResult(profile));
    this.changed.fire(undefined);
    return this.readAll(profiles, onProgress);
  }

  /** The policy changed (its file was edited): checks the same profiles again against `check`. */
  recheck(check: PolicyCheck): Promise<void> {
    if (!this.checking) return Promise.resolve();
    this.checking = check;
    this.changed.fire(undefined);
    return this.refresh();
  }

  /** Reads again: one profile, or every profile of the find. */
  refresh(profile?: string, onProgress?: (read: number, found: number) => void): Promise<void> {
    if (!this.current) return Promise.resolve();
    const names = profile === undefined ? this.profiles : this.results.has(profile) ? [profile] : [];
    return this.readAll(names, onProgress);
  }

  /** Stops reading; what was read stays, marked as stopped. */
  cancel(): void {
    this.stopReading();
  }

  /** Ends the find: the tree shows every server again. */
  clear(): void {
    if (!this.current) return;
    this.stopReading();
    this.current = undefined;
    this.checking = undefined;
    this.results.clear();
    this.changed.fire(undefined);
  }

  private async readAll(
    profiles: string[],
    onProgress?: (read: number, found: number) => void,
  ): Promise<void> {
    const report = (): void => {
      if (!onProgress) return;
      const all = profiles.map((p) => this.results.get(p)).filter((r) => r !== undefined);
      onProgress(
        all.reduce((n, r) => n + r.serversRead, 0),
        all.reduce((n, r) => n + r.matches.length, 0),
      );
    };
    await Promise.all(profiles.map((profile) => this.read(profile, report)));
  }

  private async read(profile: string, report: () => void): Promise<void> {
    const query = this.current;
    if (!query) return;
    const policy = this.checking?.policy;
    // A policy check keeps only the servers that break the policy, each with how.
    const kept = (found: FoundServer[]): SessionMatch[] =>
      policy
        ? found.flatMap((server) => {
            const violations = evaluatePolicy(policy, server);
            return violations.length > 0 ? [{ ...server, violations }] : [];
          })
        : found;
    this.readings.get(profile)?.abort();
    const abort = new AbortController();
    this.readings.set(profile, abort);
    const result = this.emptyResult(profile);
    this.results.set(profile, result);
    this.changed.fire(profile);
    const stillCurrent = (): boolean => this.results.get(profile) === result;
    try {
      // A profile of several regions is read region by region; its matches say their region.
      let complete = true;
      const only = this.onlyRegion.get(profile);
      for (const region of only !== undefined ? [only] : this.clients.regionsOf(profile)) {
        const client = await this.clients.get(profile, region);
        const readBefore = result.serversRead;
        const done = await findServers(client, query, {
          signal: abort.signal,
          onPage: (found, progress) => {
            if (!stillCurrent()) return;
            result.matches.push(...kept(region ? found.map((server) => ({ ...server, region })) : found));
            result.serversRead = readBefore + progress.serversRead;
            this.changed.fire(profile);
            report();
          },
        });
        complete = done.complete;
        if (!complete) break;
      }
      result.state = complete ? 'done' : 'cancelled';
    } catch (err) {
      result.state = abort.signal.aborted ? 'cancelled' : 'failed';
      if (result.state === 'failed') result.error = err;
    } finally {
      if (this.readings.get(profile) === abort) this.readings.delete(profile);
    }
    if (stillCurrent()) this.changed.fire(profile);
  }

  private stopReading(): void {
    for (const abort of this.readings.values()) abort.abort();
    this.readings.clear();
  }

  private emptyResult(profile: string): ProfileFind {
    return { profile, state: 'reading', matches: [], serversRead: 0, readAt: new Date() };
  }
}
