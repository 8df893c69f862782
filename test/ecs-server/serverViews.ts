/** How a stored server looks in each API's answers. */
import type { StoredServer } from './serverStore';

export function novaLinks(baseUrl: string, projectId: string, id: string): object[] {
  return [
    { rel: 'self', href: `${baseUrl}/v2.1/${projectId}/servers/${id}` },
    { rel: 'bookmark', href: `${baseUrl}/${projectId}/servers/${id}` },
  ];
}

export function novaSummary(server: StoredServer, baseUrl: string, projectId: string): object {
  return { id: server.id, name: server.name, links: novaLinks(baseUrl, projectId, server.id) };
}

export function novaDetail(server: StoredServer, baseUrl: string, projectId: string, region: string): object {
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: projectId,
    user_id: 'c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6',
    metadata: server.metadata,
    created: server.created,
    updated: server.created,
    hostId: '',
    addresses: {},
    accessIPv4: '',
    accessIPv6: '',
    flavor: { id: 's6.small.1', links: [] },
    image: { id: 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', links: [] },
    'OS-EXT-AZ:availability_zone': `${region}a`,
    'OS-EXT-STS:vm_state': server.status === 'SHUTOFF' ? 'stopped' : server.status.toLowerCase(),
    links: novaLinks(baseUrl, projectId, server.id),
  };
}

/** Native `/v1/{pid}/cloudservers` shape (a subset of its many fields). */
export function nativeDetail(server: StoredServer, projectId: string, region: string): object {
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: projectId,
    metadata: server.metadata,
    created: server.created,
    updated: server.created,
    description: '',
    addresses: {},
    flavor: { id: 's6.small.1', name: 's6.small.1', vcpus: '1', ram: '1024' },
    'OS-EXT-AZ:availability_zone': `${region}a`,
    'OS-EXT-STS:vm_state': server.status === 'SHUTOFF' ? 'stopped' : server.status.toLowerCase(),
  };
}
