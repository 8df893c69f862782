/**
 * CSV of metadata (RFC 4180): one row per server, a column for the server id and name (and region,
 * when servers of several regions are exported), then one column per key found on any server, in
 * sorted order. A key a server lacks is an empty cell. Every cell (header included) goes through the
 * formula guard and is quoted, so a spreadsheet never runs one, whichever character it splits at.
 */
import { csvFormulaGuard } from './csvFormulaGuard';
import { byCodePoint, type ExportedServer } from './exportedServer';

export const CSV_ID_COLUMN = 'server id';
export const CSV_NAME_COLUMN = 'server name';
export const CSV_REGION_COLUMN = 'region';

export function metadataCsv(servers: readonly ExportedServer[]): string {
  const keys = [...new Set(servers.flatMap((s) => Object.keys(s.metadata)))].sort(byCodePoint);
  const withRegion = servers.some((s) => s.region !== undefined);
  const header = [
    CSV_ID_COLUMN,
    CSV_NAME_COLUMN,
    ...(withRegion ? [CSV_REGION_COLUMN] : []),
    ...keys.map(columnName),
  ];
  const rows = servers.map((server) => [
    server.id,
    server.name,
    ...(withRegion ? [server.region ?? ''] : []),
    ...keys.map((key) =>
      Object.prototype.hasOwnProperty.call(server.metadata, key) ? server.metadata[key] : '',
    ),
  ]);
  return (
    [header, ...rows]
      .map((row) => row.map((cell) => csvField(csvFormulaGuard(cell))).join(','))
      .join('\r\n') + '\r\n'
  );
}

/** A key that happens to be called like a fixed column still gets a column of its own. */
function columnName(key: string): string {
  return key === CSV_ID_COLUMN || key === CSV_NAME_COLUMN || key === CSV_REGION_COLUMN
    ? `${key} (metadata)`
    : key;
}

/**
 * Always quoted, quotes doubled: a spreadsheet that splits on `;` or tab keeps a quoted `;` or tab
 * inside its cell (an unquoted one would start a new cell).
 */
export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
