/** The export formats: CSV read back with a real CSV parser, the JSON shape, the comparison document. */
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvFormulaGuard } from '../../src/export/csvFormulaGuard';
import { metadataCsv } from '../../src/export/metadataCsv';
import type { ExportedServer } from '../../src/export/exportedServer';
import { metadataExportJson, metadataObjectJson } from '../../src/export/metadataJson';

const awkward: ExportedServer[] = [
  {
    id: '3f1c2a9e-7b4d-4e8a-9c61-2d5f0a8b7c11',
    name: 'web, "01"',
    metadata: {
      env: 'production',
      config: '{"port":8080,"features":["gzip","http2"]}',
      note: 'line one\nline two\r\nline three',
      padded: '  spaces  ',
    },
  },
  {
    id: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e33',
    name: '日志服务器',
    metadata: { env: '生产环境', 'app:tier': 'logging' },
  },
  { id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a66', name: 'empty', metadata: {} },
];

describe('metadata export: CSV', () => {
  it('reads back with a CSV parser to the same ids, names and values, one column per key', () => {
    const rows = parse(metadataCsv(awkward), { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(rows.length, awkward.length);
    for (const [i, server] of awkward.entries()) {
      const row = rows[i];
      assert.equal(row['server id'], server.id);
      assert.equal(row['server name'], server.name);
      const keys = Object.keys(row).filter((k) => k !== 'server id' && k !== 'server name');
      assert.deepEqual(keys, ['app:tier', 'config', 'env', 'note', 'padded']);
      for (const key of keys) assert.equal(row[key], server.metadata[key] ?? '', `${server.name} ${key}`);
    }
  });

  it('quotes only the fields that need it, doubling quotes, with CRLF rows', () => {
    const text = metadataCsv([{ id: 'a', name: 'plain', metadata: { k: 'say "hi", ok' } }]);
    assert.equal(text, 'server id,server name,k\r\na,plain,"say ""hi"", ok"\r\n');
  });

  it('gives a key named like a fixed column its own column', () => {
    const rows = parse(metadataCsv([{ id: 'a', name: 'n', metadata: { 'server name': 'meta' } }]), {
      columns: true,
    }) as Record<string, string>[];
    assert.deepEqual(rows, [{ 'server id': 'a', 'server name': 'n', 'server name (metadata)': 'meta' }]);
  });
});

describe('metadata export: CSV formula guard', () => {
  const risky = [
    '=1+2',
    '=HYPERLINK("http://x","y")',
    '+cmd',
    "-2+3+cmd|' /C calc'!A0",
    '@SUM(A1)',
    '\tx',
    '\r=1',
  ];

  it("prefixes ' to a cell starting with = + - @, a tab or a carriage return, so a spreadsheet shows text", () => {
    for (const cell of risky) assert.equal(csvFormulaGuard(cell), `'${cell}`, JSON.stringify(cell));
  });

  it('leaves plain numbers (-1, +3.5, -2e5) and every other cell unchanged', () => {
    for (const cell of [
      '-1',
      '+3.5',
      '-2e5',
      '-.5',
      '',
      'production',
      'a=b',
      ' =x',
      '1-2',
      '中文',
      "'quoted",
    ]) {
      assert.equal(csvFormulaGuard(cell), cell, JSON.stringify(cell));
    }
  });

  it('guards values, names and key headers in the export, and a CSV parser reads the guarded text back', () => {
    const text = metadataCsv([
      { id: 'a', name: '=evil()', metadata: { '-key': '=1+2', n: '-1', t: '\t@x', note: 'x,=y' } },
    ]);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    assert.deepEqual(rows, [
      {
        'server id': 'a',
        'server name': "'=evil()",
        "'-key": "'=1+2",
        n: '-1',
        note: 'x,=y',
        t: "'\t@x",
      },
    ]);
  });
});

describe('metadata export: JSON', () => {
  it('is {serverId: {name, metadata}} with sorted keys', () => {
    const text = metadataExportJson(awkward);
    const parsed = JSON.parse(text) as Record<string, { name: string; metadata: Record<string, string> }>;
    assert.deepEqual(
      Object.keys(parsed),
      awkward.map((s) => s.id),
    );
    for (const server of awkward) {
      assert.deepEqual(parsed[server.id], { name: server.name, metadata: server.metadata });
      assert.deepEqual(Object.keys(parsed[server.id].metadata), Object.keys(server.metadata).sort());
    }
  });

  it("writes one server's metadata with sorted keys, one per line, __proto__ kept as a key", () => {
    const metadata = JSON.parse('{"zeta": "1", "__proto__": "p", "alpha": "a\\nb"}') as Record<
      string,
      string
    >;
    assert.equal(
      metadataObjectJson(metadata),
      '{\n  "__proto__": "p",\n  "alpha": "a\\nb",\n  "zeta": "1"\n}\n',
    );
  });
});
