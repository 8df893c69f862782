/**
 * The messages the metadata panel and its page script exchange, typed once for both sides.
 * `media/panel.js` imports these through JSDoc (checked by `media/tsconfig.json`), so this file
 * holds types and plain constants only, and no `vscode` import.
 */

// The page's type check (media/tsconfig.json) follows imports; the core's index would pull in all of
// the core and Node's types, so this one type comes from its own file.
// eslint-disable-next-line no-restricted-imports
import type { KeyTarget } from '../core/scriptArguments';

/** Which key of which server the panel is about. */
export type PanelTarget = KeyTarget;

/** A failed read, as the user should see it. */
export interface PanelError {
  message: string;
  requestId?: string;
}

/** Everything the page shows. Values travel only in this, never inside the HTML. */
export interface PanelView {
  target: PanelTarget;
  /** True while a read is in flight; the previous value stays visible meanwhile. */
  loading: boolean;
  value?: string;
  /** ISO 8601 time of the successful read that produced `value`. */
  fetchedAt?: string;
  requestId?: string;
  error?: PanelError;
  /** `ecsMetadata.maskValues`: the page shows •••••• until its Reveal button is pressed. */
  masked?: boolean;
}

/**
 * What the page persists with `vscode.setState`, handed back by the serializer after a window reload.
 * VS Code writes it to disk (workspace storage), so it holds which key and how to show it — never
 * the value, and nothing else read from the cloud.
 */
export interface PanelState {
  target: PanelTarget;
  prettyJson: boolean;
}

export type HostToPageMessage = { type: 'show'; view: PanelView };

/** Every message type the page may send: the one list the host's guard and the type both come from. */
export const pageToHostMessageTypes = ['ready', 'copyValue', 'copyJson', 'refresh', 'prettyShown'] as const;

export type PageToHostMessage =
  | { type: Exclude<(typeof pageToHostMessageTypes)[number], 'prettyShown'> }
  /** Whether the value is shown as pretty JSON now, so Copy Value can offer that text too. */
  | { type: 'prettyShown'; shown: boolean };
