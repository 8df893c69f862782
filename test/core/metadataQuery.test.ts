/** The metadata query language: parsing, errors that point at the term, matching, server-side filters. */
import * as assert from 'node:assert/strict';
import { QuerySyntaxError } from '../../src/find/query/metadataQuery';
import { matchQuery, serverSideFilters, type QueryableServer } from '../../src/find/query/matchQuery';
import { parseQuery } from '../../src/find/query/parseQuery';

const web01: QueryableServer = {
  name: 'web-01',
  status: 'ACTIVE',
  metadata: { env: 'production', 'app:tier': 'web-frontend', 'backup.policy': 'daily-7', note: 'two words' },
};
const batch: QueryableServer = {
  name: 'batch-worker',
  status: 'ERROR',
  metadata: { env: 'staging', 'retry.max': '5' },
};

function matches(query: string, server: QueryableServer = web01): Record<string, string> | undefined {
  return matchQuery(parseQuery(query), server);
}

function syntaxError(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (err) {
    assert.ok(err instanceof QuerySyntaxError, String(err));
    return err;
  }
  assert.fail(`"${query}" parsed`);
}

describe('metadata query: parsing', () => {
  it('splits terms on spaces and reads key=value, key, !key and quoted values', () => {
    const query = parseQuery('  env=production  backup.policy !owner note="two words" ');
    assert.deepEqual(
      query.terms.map((t) => [t.text, t.negated, t.target, t.test]),
      [
        ['env=production', false, { field: 'metadata', key: 'env' }, { kind: 'exact', value: 'production' }],
        ['backup.policy', false, { field: 'metadata', key: 'backup.policy' }, undefined],
        ['!owner', true, { field: 'metadata', key: 'owner' }, undefined],
        [
          'note="two words"',
          false,
          { field: 'metadata', key: 'note' },
          { kind: 'exact', value: 'two words' },
        ],
      ],
    );
    assert.deepEqual(
      query.terms.map((t) => [t.start, t.end]),
      [
        [2, 16],
        [18, 31],
        [32, 38],
        [39, 55],
      ],
    );
  });

  it('keeps the first = as the separator, so a value may hold =; quotes make = and ! plain text', () => {
    assert.deepEqual(parseQuery('expr=a=b').terms[0].test, { kind: 'exact', value: 'a=b' });
    const quoted = parseQuery('"a=b"=c "!x"').terms;
    assert.deepEqual(quoted[0].target, { field: 'metadata', key: 'a=b' });
    assert.deepEqual(quoted[1].target, { field: 'metadata', key: '!x' });
    assert.equal(quoted[1].negated, false);
  });

  it('reads * and ? as wildcards, but not after a backslash', () => {
    const [glob, escaped] = parseQuery('app:tier=web-* size=a\\*?').terms;
    assert.equal(glob.test?.kind, 'glob');
    assert.equal(escaped.test?.kind, 'glob');
    assert.deepEqual(parseQuery('star=a\\*').terms[0].test, { kind: 'exact', value: 'a*' });
    assert.deepEqual(parseQuery('q="say \\"hi\\""').terms[0].test, { kind: 'exact', value: 'say "hi"' });
  });

  it('reads @name and @status as the server fields', () => {
    const [name, status] = parseQuery('@name=web-* !@status=SHUTOFF').terms;
    assert.deepEqual(name.target, { field: 'name' });
    assert.deepEqual(status.target, { field: 'status' });
    assert.equal(status.negated, true);
  });

  it('points each error at its term: code, term as typed, offset and number', () => {
    const cases: [string, string, string, number, number][] = [
      ['', 'empty', '', 0, 1],
      ['   ', 'empty', '', 0, 1],
      ['env=production note="open', 'unclosedQuote', 'note="open', 15, 2],
      ['a b\\', 'danglingEscape', 'b\\', 2, 2],
      ['env=x =production', 'missingKey', '=production', 6, 2],
      ['!', 'missingKey', '!', 0, 1],
      [`ok ${'k'.repeat(256)}=v`, 'keyTooLong', `${'k'.repeat(256)}=v`, 3, 2],
      ['@owner=x', 'unknownField', '@owner=x', 0, 1],
      ['env=x @name', 'fieldNeedsValue', '@name', 6, 2],
      ['env=production and owner=team-web', 'joiningWord', 'and', 15, 2],
      ['env=production AND owner=team-web', 'joiningWord', 'AND', 15, 2],
      ['env=a or env=b', 'joiningWord', 'or', 6, 2],
      ['OR env=b', 'joiningWord', 'OR', 0, 1],
      ['env=a && owner=b', 'joiningWord', '&&', 6, 2],
      ['env=a || owner=b', 'joiningWord', '||', 6, 2],
      ['env==production', 'doubleEquals', 'env==production', 0, 1],
      ['ok !env==x', 'doubleEquals', '!env==x', 3, 2],
      ['@status==ACTIVE', 'doubleEquals', '@status==ACTIVE', 0, 1],
      ['env!=production', 'notEquals', 'env!=production', 0, 1],
      ['ok @name!=web-*', 'notEquals', '@name!=web-*', 3, 2],
    ];
    for (const [query, code, term, start, termNumber] of cases) {
      const err = syntaxError(query);
      assert.deepEqual(
        [err.code, err.term, err.start, err.termNumber],
        [code, term, start, termNumber],
        JSON.stringify(query),
      );
    }
  });

  it('reads a key ending in ! when quoted or escaped, and ! inside a value as text', () => {
    const terms = parseQuery('"env!"=x env\\!=y k=a!=b').terms;
    assert.deepEqual(
      terms.map((t) => [t.target, t.test]),
      [
        [
          { field: 'metadata', key: 'env!' },
          { kind: 'exact', value: 'x' },
        ],
        [
          { field: 'metadata', key: 'env!' },
          { kind: 'exact', value: 'y' },
        ],
        [
          { field: 'metadata', key: 'k' },
          { kind: 'exact', value: 'a!=b' },
        ],
      ],
    );
  });

  it('reads and/or and a value starting with = as text when quoted or escaped, and as a value or part of a key', () => {
    const terms = parseQuery('"and" \\or "&&"=x k="=production" l=\\=x m=a==b android order=and').terms;
    assert.deepEqual(
      terms.map((t) => [t.target, t.test]),
      [
        [{ field: 'metadata', key: 'and' }, undefined],
        [{ field: 'metadata', key: 'or' }, undefined],
        [
          { field: 'metadata', key: '&&' },
          { kind: 'exact', value: 'x' },
        ],
        [
          { field: 'metadata', key: 'k' },
          { kind: 'exact', value: '=production' },
        ],
        [
          { field: 'metadata', key: 'l' },
          { kind: 'exact', value: '=x' },
        ],
        [
          { field: 'metadata', key: 'm' },
          { kind: 'exact', value: 'a==b' },
        ],
        [{ field: 'metadata', key: 'android' }, undefined],
        [
          { field: 'metadata', key: 'order' },
          { kind: 'exact', value: 'and' },
        ],
      ],
    );
  });

  it('accepts a key of 255 characters and non-ASCII text', () => {
    assert.equal(parseQuery(`${'k'.repeat(255)}`).terms.length, 1);
    assert.deepEqual(
      matches('env=生产环境', { name: 'x', status: 'ACTIVE', metadata: { env: '生产环境' } }),
      {
        env: '生产环境',
      },
    );
  });
});

describe('metadata query: matching', () => {
  it('needs every term to hold and reports the keys that matched with their values', () => {
    assert.deepEqual(matches('env=production backup.policy'), {
      env: 'production',
      'backup.policy': 'daily-7',
    });
    assert.equal(matches('env=production backup.policy', batch), undefined);
    assert.equal(matches('env=production retry.max'), undefined);
  });

  it('compares exact values exactly (case and whole value)', () => {
    assert.equal(matches('env=Production'), undefined);
    assert.equal(matches('env=prod'), undefined);
    assert.deepEqual(matches('note="two words"'), { note: 'two words' });
  });

  it('matches globs over the whole value: * any run, ? one character', () => {
    assert.deepEqual(matches('app:tier=web-*'), { 'app:tier': 'web-frontend' });
    assert.deepEqual(matches('app:tier=*front*'), { 'app:tier': 'web-frontend' });
    assert.deepEqual(matches('backup.policy=daily-?'), { 'backup.policy': 'daily-7' });
    assert.equal(matches('backup.policy=daily-??'), undefined);
    assert.equal(matches('app:tier=web'), undefined);
    assert.equal(matches('app:tier=*front'), undefined);
    assert.equal(matches('app:tier=web.frontend*'), undefined, 'a dot is not a wildcard');
    assert.deepEqual(matches('q=(a+)*', { name: 'x', metadata: { q: '(a+)[b]' } }), { q: '(a+)[b]' });
    assert.deepEqual(matches('e=生?', { name: 'x', metadata: { e: '生产' } }), { e: '生产' });
  });

  it('tests presence and absence, and negates a value test', () => {
    assert.deepEqual(matches('backup.policy'), { 'backup.policy': 'daily-7' });
    assert.equal(matches('!backup.policy'), undefined);
    assert.deepEqual(matches('!backup.policy', batch), {});
    assert.deepEqual(matches('!env=production', batch), {});
    assert.equal(matches('!env=production'), undefined);
    assert.equal(matches('owner', batch), undefined);
  });

  it('matches @name by glob and @status without regard to case, reporting no keys for them', () => {
    assert.deepEqual(matches('@name=web-* @status=active'), {});
    assert.equal(matches('@name=web'), undefined);
    assert.equal(matches('@status=ACTIVE', batch), undefined);
    assert.deepEqual(matches('!@status=ACTIVE', batch), {});
  });

  it('treats a key named __proto__ as a key', () => {
    const server = { name: 'x', metadata: JSON.parse('{"__proto__": "v"}') as Record<string, string> };
    assert.deepEqual(Object.keys(matches('__proto__=v', server) ?? {}), ['__proto__']);
    assert.equal(matches('constructor', server), undefined);
  });
});

describe('metadata query: server-side filters', () => {
  it('sends an exact status upper-cased and a literal run of the name, never a negated term', () => {
    assert.deepEqual(serverSideFilters(parseQuery('env=x')), {});
    assert.deepEqual(serverSideFilters(parseQuery('@status=active @name=web-01')), {
      status: 'ACTIVE',
      name: 'web-01',
    });
    assert.deepEqual(serverSideFilters(parseQuery('@name=*-db-?rimary*')), { name: 'rimary' });
    assert.deepEqual(serverSideFilters(parseQuery('!@name=web !@status=ACTIVE @status=SHUT*')), {});
    assert.deepEqual(serverSideFilters(parseQuery('@name=a(b)+cd')), { name: 'cd' });
  });
});
