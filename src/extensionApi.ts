import type { PanelController } from './panel/panelController';
import type { ServerTreeProvider } from './tree/serverTreeProvider';

/** What activate() returns: a small handle for integration tests, not a public API. */
export interface ExtensionApi {
  tree: ServerTreeProvider;
  /** The metadata panel's controller: what it shows now. */
  panel: Pick<PanelController, 'currentView'>;
}
