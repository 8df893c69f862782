/** JSON documents of metadata: the export, the copy and the two sides of a comparison. */
import { sortedMetadata, type ExportedServer } from './exportedServer';

/** `{ "<serverId>": { "name": ..., "metadata": { sorted keys } } }`, two-space indented. */
export function metadataExportJson(servers: Iterable<ExportedServer>): string {
  const document: Record<string, { name: string; metadata: Record<string, string> }> = {};
  for (const server of servers) {
    Object.defineProperty(document, server.id, {
      value: { name: server.name, metadata: sortedMetadata(server.metadata) },
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
