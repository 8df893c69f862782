import type { ClientProvider } from '../clients/clientProvider';
import type { MetadataWriter } from '../metadata/metadataWriter';
import type { ProfileStore } from '../profiles/profileStore';

/** What the metadata editing commands work with. */
export interface EditDeps {
  profiles: ProfileStore;
  clients: ClientProvider;
  writer: MetadataWriter;
}
