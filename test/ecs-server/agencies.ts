/**
 * The agency the local server knows by default: another account ("delegating") lets this account's
 * user act in it through `ecs_metadata_reader`. The delegated project is the server's own project,
 * so temporary AK/SK from `assume_role` read the same servers.
 */
import type { LocalAgency } from './types';

export const LOCAL_AGENCY: Readonly<LocalAgency> = {
  domainName: 'local-delegating-domain',
  domainId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  name: 'ecs_metadata_reader',
};

/** The agency an `assume_role` body names (by account name or id), if the server knows it. */
export function findAgency(
  agencies: readonly LocalAgency[],
  domain: { name?: unknown; id?: unknown },
  name: unknown,
): LocalAgency | undefined {
  return agencies.find(
    (a) =>
      a.name === name && (domain.id !== undefined ? a.domainId === domain.id : a.domainName === domain.name),
  );
}
