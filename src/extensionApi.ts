import type { FindSession } from './find/findSession';
import type { PanelView } from './panel/messages';
import type { ServerTreeProvider } from './tree/serverTreeProvider';

/** What activate() returns: a small handle for integration tests, not a public API. */
export interface ExtensionApi {
  tree: ServerTreeProvider;
  /** The find shown in the tree. */
  find: FindSession;
  /** What the metadata panel shows now (undefined when it is closed). */
  panelView(): PanelView | undefined;
}
