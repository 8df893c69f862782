import * as vscode from 'vscode';
import { runQuickPick } from './runQuickPick';

/** What a listing pick needs from the picker that uses it. */
export interface ListingPickParts<T extends vscode.QuickPickItem, R> {
  /** The item for what the person typed, when it can be used as is and is not `listed` already. */
  typedItem(typed: string, listed: readonly T[]): T | undefined;
  /** What accepting an item yields; undefined keeps the pick open. */
  resultOf(item: T): R | undefined;
}

/**
 * A quick pick over a list that arrives in the background: what the person typed (when usable) on
 * top, then what is listed so far, then, when the listing failed, a line that says so. Closing it
 * aborts the listing (`abort.signal`).
 */
export class ListingPick<T extends vscode.QuickPickItem, R> {
  readonly quickPick = vscode.window.createQuickPick<T>();
  readonly abort = new AbortController();
  private listed: readonly T[] = [];
  private problem: readonly T[] = [];

  constructor(private readonly parts: ListingPickParts<T, R>) {}

  /** Replaces what is listed. */
  list(items: readonly T[]): void {
    this.listed = items;
    this.render();
  }

  /** Says below the list why it is incomplete. */
  listingFailed(label: string): void {
    // A separator carries none of T's own fields, which are all optional on a picker's items.
    this.problem = [{ label, kind: vscode.QuickPickItemKind.Separator } as T];
    this.render();
  }

  /** Shows the pick until an item yields a result (resolved with it) or it is closed (undefined). */
  run(): Promise<R | undefined> {
    this.render();
    return runQuickPick(this.quickPick, {
      render: () => this.render(),
      resultOf: (item) => this.parts.resultOf(item),
      abort: this.abort,
    });
  }

  private render(): void {
    const typed = this.parts.typedItem(this.quickPick.value, this.listed);
    this.quickPick.items = [...(typed ? [typed] : []), ...this.listed, ...this.problem];
  }
}
