import type { ClientProvider } from '../clients/clientProvider';

/** What nodes need from outside to fetch their children, handed down from the provider. */
export interface TreeContext {
  clients: ClientProvider;
  /** Lower-cased filter text, or undefined when the tree is not filtered. */
  filter(): string | undefined;
  /** Servers asked for per discovery page. */
  pageSize: number;
}
