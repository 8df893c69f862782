/** JSON documents of metadata: the export, the copy and the two sides of a comparison. */
import { sortedMetadata, type ExportedServer } from './exportedServer';

/**
 * `{ "<serverId>": { "name": ..., "region"?: ..., "metadata": { sorted keys } } }`, two-space
 * indented; `region` only for servers of a profile of several regions.
 */
export function metadataExportJson(servers: Iterable<ExportedServer>): string {
  const document: Record<string, { name: string; region?: string; metadata: Record<string, string> }> = {};
  for (const server of servers) {
    Object.defineProperty(document, server.id, {
      value: {
        name: server.name,
        ...(server.region ? { region: server.region } : {}),
        metadata: sortedMetadata(server.metadata),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One server's metadata as a JSON object with sorted keys, one per line. */
export function metadataObjectJson(metadata: Record<string, string>): string {
  return `${JSON.stringify(sortedMetadata(metadata), null, 2)}\n`;
}
