/** The export formats: CSV read back with a real CSV parser, the JSON shape, the comparison document. */
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvFormulaGuard } from '../../src/export/csvFormulaGuard';
import { metadataCsv } from '../../src/export/metadataCsv';
import type { ExportedServer } from '../../src/export/exportedServer';
import { metadataExportJson, metadataObjectJson } from '../../src/export/metadataJson';
import { randomText, seeded } from './seededRandom';

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

  it('quotes every field, doubling quotes, with CRLF rows', () => {
    const text = metadataCsv([{ id: 'a', name: 'plain', metadata: { k: 'say "hi", ok', t: 'a\tb;c' } }]);
    assert.equal(text, '"server id","server name","k","t"\r\n"a","plain","say ""hi"", ok","a\tb;c"\r\n');
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
    '\rx',
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
        note: "x,'=y",
        t: "'\t'@x",
      },
    ]);
  });

  it("prefixes ' to each piece after a , ; tab or line break that starts with = + - @, numbers too", () => {
    const cases: [string, string][] = [
      ["x;=cmd|' /C calc'!A0", "x;'=cmd|' /C calc'!A0"],
      ['a\t+1+cmd', "a\t'+1+cmd"],
      ['a,@SUM(A1);b', "a,'@SUM(A1);b"],
      ['one\r\n-2+3', "one\r\n'-2+3"],
      ['one\r=1', "one\r'=1"],
      ['\r=1', "'\r'=1"],
      ['a;\t=1', "a;\t'=1"],
      ['=a;=b', "'=a;'=b"],
      ['1;-2,+3.5\t-4e2', "1;'-2,'+3.5\t'-4e2"],
      ['a;b=c,d-e', 'a;b=c,d-e'],
      ['a; =x', 'a; =x'],
    ];
    for (const [cell, guarded] of cases) assert.equal(csvFormulaGuard(cell), guarded, JSON.stringify(cell));
  });
});

/** Characters a hostile value may use to start a formula in some cell of some spreadsheet. */
const hostileAlphabet = ['=', '+', '-', '@', ';', ',', '\t', '\r', '\n', '"', "'", ' ', 'x', '1', '.', '|'];

/**
 * Whether a spreadsheet would run the cell: it starts (after the opening quote a spreadsheet drops,
 * and any tab or carriage return) with = + - @, and is not a plain number.
 */
function startsFormula(cell: string): boolean {
  if (!/^"?[\t\r]*[=+\-@]/.test(cell)) return false;
  return !/^"?\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*"?$/.test(cell);
}

describe('metadata export: CSV opened by a spreadsheet that splits on ; or tab', () => {
  const hostile: ExportedServer[] = [
    {
      id: 'a',
      name: 'web;=HYPERLINK("http://x","y")',
      metadata: {
        cmd: "x;=cmd|' /C calc'!A0",
        tab: 'a\t@SUM(A1)',
        comma: 'a,+1+cmd',
        lines: 'one\r\n-2+3',
        'k;=key': 'v',
        numbers: '1;-2\t+3.5',
        plain: '-1',
      },
    },
  ];

  /** A spreadsheet that splits at every separator, quotes or not, and at every kind of line break. */
  const splitEverywhere = (delimiter: string) => ({
    delimiter,
    quote: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    bom: true,
  });
  /** One that honours quotes where it can (a quoted cell followed by more text is read as text). */
  const honourQuotes = (delimiter: string) => ({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    bom: true,
  });

  function cellsOf(text: string, readings: ((delimiter: string) => object)[]): string[] {
    const cells: string[] = [];
    for (const delimiter of [';', '\t', ',']) {
      for (const reading of readings) cells.push(...(parse(text, reading(delimiter)) as string[][]).flat());
    }
    return cells;
  }

  it('starts no cell with a formula, read with ; or tab as the delimiter', () => {
    const text = `\ufeff${metadataCsv(hostile)}`;
    const cells = cellsOf(text, [splitEverywhere, honourQuotes]);
    assert.ok(cells.length > 20, `${cells.length} cells`);
    assert.deepEqual(cells.filter(startsFormula), []);
    assert.ok(
      cells.some((c) => c.startsWith("'=cmd")),
      'the piece after ; is a cell of its own, guarded',
    );
  });

  it('starts no cell with a formula for random hostile values and keys, and reads back with , intact', () => {
    const random = seeded(21);
    for (let round = 0; round < 300; round++) {
      const metadata: Record<string, string> = {};
      for (let k = 0; k < 4; k++)
        metadata[`k${k}${randomText(random, hostileAlphabet, 11)}`] = randomText(random, hostileAlphabet, 11);
      const servers: ExportedServer[] = [
        { id: 'id', name: randomText(random, hostileAlphabet, 11), metadata },
      ];
      const text = metadataCsv(servers);
      // Random quotes and line breaks defeat the quote-honouring reading; splitting everywhere
      // starts a cell at every place any reading can.
      const bad = cellsOf(text, [splitEverywhere]).filter(startsFormula);
      assert.deepEqual(bad, [], JSON.stringify(servers));
      const rows = parse(text) as string[][];
      assert.equal(rows.length, 2, JSON.stringify(servers));
      assert.equal(rows[1].length, 2 + Object.keys(metadata).length, JSON.stringify(servers));
    }
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
