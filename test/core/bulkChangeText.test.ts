/** What a person types for a bulk change: `key=value` terms to set, words to remove. */
import * as assert from 'node:assert/strict';
import { parseRemoveText, parseSetText } from '../../src/bulk/bulkChangeText';

describe('bulk edit: the typed change', () => {
  it('reads key=value terms, quoted values with spaces and escapes, and values holding =', () => {
    assert.deepEqual(parseSetText(' env=production,owner="team web"  note="say \\"hi\\"" expr=a=b empty= '), {
      ok: true,
      value: { env: 'production', owner: 'team web', note: 'say "hi"', expr: 'a=b', empty: '' },
    });
  });

  it('an empty text sets nothing', () => {
    assert.deepEqual(parseSetText('   '), { ok: true, value: {} });
  });

  const problems: [string, string, object][] = [
    ['a term without =', 'env=prod owner', { code: 'noEquals', term: 'owner' }],
    ['a term with no key', '=prod', { code: 'emptyKey', term: '=prod' }],
    ['an unclosed quote', 'note="two words', { code: 'unclosedQuote', term: 'note="two words' }],
    ['a key given twice', 'env=a env=b', { code: 'duplicateKey', term: 'env' }],
  ];
  for (const [what, text, problem] of problems) {
    it(`names ${what}`, () => {
      assert.deepEqual(parseSetText(text), { ok: false, problem });
    });
  }

  it('reads keys to remove, each once', () => {
    assert.deepEqual(parseRemoveText('scratch, tmp.build scratch'), {
      ok: true,
      value: ['scratch', 'tmp.build'],
    });
  });
});
