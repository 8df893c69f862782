import type { ClientProvider } from '../clients/clientProvider';
import type { CredentialStore } from '../credentials/credentialStore';
import type { FindSession } from '../find/findSession';
import type { OutputChannelLog } from '../log/log';
import type { PanelController } from '../panel/panelController';
import type { ProfileStore } from '../profiles/profileStore';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';

/** The objects activate() builds; every `registerX(deps)` of this folder takes them. */
export interface CommandDeps {
  profiles: ProfileStore;
  credentials: CredentialStore;
  clients: ClientProvider;
  tree: ServerTreeProvider;
  find: FindSession;
  panel: PanelController;
  log: OutputChannelLog;
}
