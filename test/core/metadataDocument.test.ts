/** The metadata JSON document (problems located for diagnostics) and the change a save writes. */
import * as assert from 'node:assert/strict';
import { ChangeHistory, redoChange, undoChange, type HistoryEntry } from '../../src/metadata/changeHistory';
import { changeBetween, keyChanges, summarize } from '../../src/metadata/metadataChange';
import { findJsonSyntaxError, lineAndColumn } from '../../src/metadata/jsonSyntaxError';
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

  it('locates a JSON mistake by line and column, names the key before it, and quotes no value', () => {
    // A comma missing after the value of "env", on line 3: the next key is where it went wrong.
    const text = '{\n  "env": "secret-value"\n  "owner": "x"\n}\n';
    const [located] = checkMetadataDocument(text).problems;
    assert.deepEqual(located.problem, { kind: 'syntax', expected: 'commaOrClose', afterKey: 'env' });
    assert.deepEqual(lineAndColumn(text, located.start), { line: 3, column: 3 });
    assert.doesNotMatch(JSON.stringify(located), /secret-value/);
  });

  it('says what each JSON mistake needed where it is, and nothing for valid JSON', () => {
    const cases: [string, string, number, string | undefined][] = [
      ['{"a": "1",}', 'key', 10, 'a'],
      ['{"a" "1"}', 'colon', 5, 'a'],
      ['{"a": x}', 'value', 6, 'a'],
      ['{"a": "1\n"}', 'stringEnd', 8, 'a'],
      ['{"a": "\\q"}', 'escape', 8, 'a'],
      ['{"a": "1"} x', 'end', 11, 'a'],
      ['{"a": "1", "b": ', 'value', 16, 'b'],
      ['', 'value', 0, undefined],
      ['{"a": [1, 2 3]}', 'commaOrClose', 12, 'a'],
    ];
    for (const [text, expected, offset, afterKey] of cases) {
      assert.deepEqual(
        findJsonSyntaxError(text),
        { offset, expected, ...(afterKey !== undefined ? { afterKey } : {}) },
        text,
      );
    }
    assert.equal(findJsonSyntaxError('{"a": {"b": [true, null, -1.5e3, "\\u00e9"]}}'), undefined);
    assert.deepEqual(lineAndColumn('ab\r\ncd', 5), { line: 2, column: 2 });
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

  const entryOf = (serverId: string): HistoryEntry => ({
    target: { profile: 'p', serverId },
    at: new Date(0),
    keys: keyChanges(changeBetween(before, after), before),
  });

  it('is undone by restoring changed and removed values and removing added keys, and redone', () => {
    const entry = entryOf('s1');
    assert.deepEqual(undoChange(entry), { set: { change: 'old', remove: 'gone' }, remove: ['add'] });
    assert.deepEqual(redoChange(entry), { set: { add: 'fresh', change: 'new' }, remove: ['remove'] });
  });

  it('undoes the newest change first, then the one before; a redo waits until a new change', () => {
    const history = new ChangeHistory();
    const present = (entry: HistoryEntry | undefined): HistoryEntry => {
      assert.ok(entry);
      return entry;
    };
    const first = entryOf('s1');
    const second = entryOf('s2');
    history.record({ step: 'change', entry: first }, ['change', 'add', 'remove']);
    history.record({ step: 'change', entry: second }, ['add']);
    assert.deepEqual(history.toUndo?.target.serverId, 's2');
    assert.deepEqual(
      history.toUndo?.keys.map((k) => k.key),
      ['add'],
      'only the written keys',
    );
    const s2 = present(history.toUndo);
    history.record({ step: 'undo', entry: s2 }, ['add']);
    assert.equal(history.toUndo?.target.serverId, 's1', 'the change before');
    assert.equal(history.toRedo?.target.serverId, 's2');
    const s1 = present(history.toUndo);
    // An undo that wrote only part of the change: the rest stays to undo, the written part to redo.
    history.record({ step: 'undo', entry: s1 }, ['change']);
    assert.deepEqual(
      history.toUndo?.keys.map((k) => k.key),
      ['add', 'remove'],
    );
    assert.deepEqual(
      history.toRedo?.keys.map((k) => k.key),
      ['change'],
    );
    const redo = present(history.toRedo);
    history.record({ step: 'redo', entry: redo }, ['change']);
    assert.deepEqual(
      history.toUndo?.keys.map((k) => k.key),
      ['change'],
    );
    assert.equal(history.toRedo?.target.serverId, 's2');
    history.record({ step: 'change', entry: entryOf('s3') }, ['change']);
    assert.equal(history.toRedo, undefined, 'a new change ends what Redo could put back');
  });
});
