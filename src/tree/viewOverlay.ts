import type * as vscode from 'vscode';
import type { ProfileRowNode } from './profileRowNode';
import type { TreeContext } from './treeContext';

/**
 * What the Servers view shows in place of the profiles while it is shown: the find's results. The
 * find room (src/find/), which sits above the tree, provides it, so the tree never imports that room.
 */
export interface ViewOverlay {
  /** Whether the view shows the overlay now instead of the profiles. */
  readonly shown: boolean;
  /** Fires with a profile name when only that profile's rows changed, with undefined when the whole overlay did. */
  readonly onDidChange: vscode.Event<string | undefined>;
  /** Its roots, one row per profile; asked again after the whole overlay changed. */
  roots(context: TreeContext): ProfileRowNode[];
  /** Reads everything again (Refresh while the overlay is shown). */
  refresh(): void;
  /** The view's description and message while the overlay is shown. */
  viewText(): { description: string; message: string | undefined };
  /** The context keys the overlay owns, each with its value now (false while not shown). */
  contextKeys(): Record<string, boolean>;
}
