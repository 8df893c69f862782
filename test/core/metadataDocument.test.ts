/** The metadata JSON document (problems located for diagnostics) and the change a save writes. */
import * as assert from 'node:assert/strict';
import { changeBetween, summarize, undoOf } from '../../src/metadata/metadataChange';
import { checkMetadataDocument, metadataDocumentText } from '../../src/metadata/metadataDocument';

describe('metadata JSON document', () => {
  it('prints the metadata sorted, two-space indented, and reads it back', () => {
    const text = metadataDocumentText({ b: '2', a: '1 "q" <x> & 中' });
    assert.equal(text, '{\n  "a": "1 \\"q\\" <x> & 中",\n  "b": "2"\n}\n');
    assert.deepEqual(checkMetadataDocument(text), {
      metadata: { a: '1 "q" <x> & 中', b: '2' },
      problems: [],
    });
  });

  it('locates an invalid key, a value that is not text, a value too long, and a duplicate key', () => {
    const text = `{\n  "bad key": "x",\n  "n": 5,\n  "long": "${'v'.repeat(256)}",\n  "d": "1",\n  "d": "2"\n}`;
    const { metadata, problems } = checkMetadataDocument(text);
    assert.equal(metadata, undefined);
    const at = problems.map((p) => [p.problem.kind, text.slice(p.start, p.end).slice(0, 10)]);
    assert.deepEqual(at, [
      ['badKey', '"bad key"'],
      ['notText', '5'],
      ['tooLong', `"${'v'.repeat(9)}`],
      ['duplicateKey', '"d"'],
    ]);
  });

  it('reports more keys than the quota on the first key past it', () => {
    const metadata = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, 'v']));
    const text = metadataDocumentText(metadata);
    const { problems } = checkMetadataDocument(text, 3);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].problem, { kind: 'tooMany', count: 4, quota: 3 });
    assert.equal(text.slice(problems[0].start, problems[0].end), '"k3"');
  });

  it('reports broken JSON and a document that is not an object', () => {
    assert.equal(checkMetadataDocument('{"a": "1",').problems[0].problem.kind, 'syntax');
    assert.equal(checkMetadataDocument('["a"]').problems[0].problem.kind, 'notObject');
  });

  it('skips nested values and escaped quotes when locating keys', () => {
    const text = '{"a": {"x": "}"}, "b\\"c": "ok", "e": [1, "]"]}';
    const kinds = checkMetadataDocument(text).problems.map((p) => [
      p.problem.kind,
      text.slice(p.start, p.end),
    ]);
    assert.deepEqual(kinds, [
      ['notText', '{"x": "}"}'],
      ['badKey', '"b\\"c"'],
      ['notText', '[1, "]"]'],
    ]);
  });
});

describe('metadata change', () => {
  const before = { keep: '1', change: 'old', remove: 'gone' };
  const after = { keep: '1', change: 'new', add: 'fresh' };

  it('is one set of added and changed keys and the removed keys', () => {
    const change = changeBetween(before, after);
    assert.deepEqual(change, { set: { change: 'new', add: 'fresh' }, remove: ['remove'] });
    assert.deepEqual(summarize(change, before), { added: ['add'], changed: ['change'], removed: ['remove'] });
  });

  it('is undone by restoring changed and removed values and removing added keys (written ones only)', () => {
    assert.deepEqual(undoOf(['change', 'add', 'remove'], before), {
      set: { change: 'old', remove: 'gone' },
      remove: ['add'],
    });
    assert.deepEqual(undoOf(['add'], before), { set: {}, remove: ['add'] });
  });
});
