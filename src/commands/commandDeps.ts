import type { ClientProvider } from '../clients/clientProvider';
import type { CredentialStore } from '../credentials/credentialStore';
import type { FindSession } from '../find/findSession';
import type { OutputChannelLog } from '../log/log';
import type { ProfileStore } from '../profiles/profileStore';
import type { ServerTreeProvider } from '../tree/serverTreeProvider';

/** The objects activate() builds and the tree & profile commands work on. */
export interface CommandDeps {
  profiles: ProfileStore;
  credentials: CredentialStore;
  clients: ClientProvider;
  tree: ServerTreeProvider;
  find: FindSession;
  log: OutputChannelLog;
}
