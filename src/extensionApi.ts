import type { PanelView } from './panel/messages';
import type { ServerTreeProvider } from './tree/serverTreeProvider';

/** What activate() returns: a small handle for integration tests, not a public API. */
export interface ExtensionApi {
  tree: ServerTreeProvider;
  /** What the metadata panel shows now (undefined when it is closed). */
  panelView(): PanelView | undefined;
}
