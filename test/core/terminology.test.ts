/**
 * The Simplified Chinese strings read like Huawei Cloud's own console: one term per concept, taken from
 * media/l10n/terminology.zh-cn.json, “…” quotes and 您. Checks media/l10n/bundle.l10n.zh-cn.json and
 * package.nls.zh-cn.json (whose English is package.nls.json).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Term {
  zh: string;
  en?: string[];
  alsoAccepted?: string[];
  forbidden: string[];
  allowedIn?: string[];
  exceptEnglish?: string[];
}

/** One translated string: where it is, its English source and its Chinese. */
interface Translation {
  where: string;
  en: string;
  zh: string;
}

function readJson(relative: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as Record<string, unknown>;
}

function translations(): Translation[] {
  const bundlePath = 'media/l10n/bundle.l10n.zh-cn.json';
  const bundle = Object.entries(readJson(bundlePath)).map(([en, zh]) => ({
    where: `${bundlePath}: ${en}`,
    en,
    zh: String(zh),
  }));
  const english = readJson('package.nls.json');
  const nls = Object.entries(readJson('package.nls.zh-cn.json')).map(([key, zh]) => ({
    where: `package.nls.zh-cn.json: ${key}`,
    en: String(english[key] ?? ''),
    zh: String(zh),
  }));
  return [...bundle, ...nls];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches an English source word as a whole word, case-insensitive, plurals included. */
function englishPattern(word: string): RegExp {
  const start = /^\w/.test(word) ? '\\b' : '';
  const end = /\w$/.test(word) ? '(?:s|es)?\\b' : '';
  return new RegExp(`${start}${escapeRegExp(word)}${end}`, 'i');
}

/** The forbidden variants a translation uses, after the term itself and its allowed phrases are set aside. */
function forbiddenUsed(zh: string, term: Term): string[] {
  let rest = zh;
  for (const allowed of [term.zh, ...(term.alsoAccepted ?? []), ...(term.allowedIn ?? [])]) {
    rest = rest.split(allowed).join('\u0000');
  }
  return term.forbidden.filter((variant) => rest.includes(variant));
}

/**
 * The English without what stays English in the translation: `code`, {shapes, of, arguments}, "fieldNames"
 * and the targets of Markdown links.
 */
function englishProse(en: string): string {
  let prose = en
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[A-Za-z_]+"/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  for (let before = ''; before !== prose;) {
    before = prose;
    prose = prose.replace(/\{[^{}]*[ ,:][^{}]*\}/g, ' ');
  }
  return prose;
}

/** Whether the English names the term, so that the translation must too. */
function englishNames(en: string, term: Term): boolean {
  const prose = englishProse(en);
  if ((term.exceptEnglish ?? []).some((e) => englishPattern(e).test(prose))) return false;
  return (term.en ?? []).some((word) => englishPattern(word).test(prose));
}

/** The quoting problems of a translation: ASCII quotes outside code, or unbalanced “…”. */
function quoteProblems(zh: string): string[] {
  const prose = zh
    .replace(/`[^`]*`/g, '') // Markdown code in package.nls: `["cn-north-4"]`
    .replace(/=\s*"[^"]*"/g, '=') // typed query syntax: note="two words"
    .replace(/“"”/g, ''); // the character itself, quoted: 在“"”之前
  const problems: string[] = [];
  if (prose.includes('"')) problems.push('ASCII " outside code: use “…”');
  const opened = [...prose].filter((c) => c === '“').length;
  const closed = [...prose].filter((c) => c === '”').length;
  if (opened !== closed) problems.push(`“ ${opened} times, ” ${closed} times`);
  if (/[‘’]/.test(prose.replace(/“[^”]*”/g, ''))) problems.push('‘…’ outside “…”: use “…”');
  if (/[「」『』]/.test(prose)) problems.push('corner brackets: use “…”');
  return problems;
}

describe('zh-cn terminology', () => {
  const terms = (readJson('media/l10n/terminology.zh-cn.json').terms as Term[]) ?? [];
  const all = translations();

  it('reads the terminology table and the translations (the scan itself works)', () => {
    assert.ok(terms.length >= 15, `only ${terms.length} terms`);
    assert.ok(all.length > 100, `only ${all.length} translations`);
    assert.ok(
      all.every((t) => t.en !== ''),
      'every package.nls.zh-cn.json key has English in package.nls.json',
    );
  });

  it('uses no forbidden variant of a term', () => {
    const wrong = all.flatMap((t) =>
      terms.flatMap((term) =>
        forbiddenUsed(t.zh, term).map((v) => `${t.where} → “${v}”, write “${term.zh}”`),
      ),
    );
    assert.deepEqual(wrong, []);
  });

  it('says the term wherever the English names it', () => {
    const wrong = all.flatMap((t) =>
      terms
        .filter((term) => englishNames(t.en, term))
        .filter((term) => ![term.zh, ...(term.alsoAccepted ?? [])].some((zh) => t.zh.includes(zh)))
        .map((term) => `${t.where} → needs “${term.zh}”: ${t.zh}`),
    );
    assert.deepEqual(wrong, []);
  });

  it('quotes with “…” only', () => {
    const wrong = all.flatMap((t) => quoteProblems(t.zh).map((p) => `${t.where} → ${p}: ${t.zh}`));
    assert.deepEqual(wrong, []);
  });

  it('addresses the user as 您, never 你', () => {
    const wrong = all.filter((t) => t.zh.includes('你')).map((t) => `${t.where}: ${t.zh}`);
    assert.deepEqual(wrong, []);
  });

  describe('the checks themselves', () => {
    const server: Term = {
      zh: '云服务器',
      en: ['server'],
      forbidden: ['服务器'],
      allowedIn: ['服务器证书'],
      exceptEnglish: ['server certificate'],
    };

    it('finds a forbidden variant but not the term that contains it, nor an allowed phrase', () => {
      assert.deepEqual(forbiddenUsed('请使用“添加服务器”', server), ['服务器']);
      assert.deepEqual(forbiddenUsed('添加云服务器', server), []);
      assert.deepEqual(forbiddenUsed('无法验证服务器证书', server), []);
    });

    it('knows when the English names a term, plurals included, and when it is excepted', () => {
      assert.equal(englishNames('Add Server', server), true);
      assert.equal(englishNames('{0} servers read', server), true);
      assert.equal(englishNames('The server certificate could not be verified', server), false);
      assert.equal(englishNames('Observer', server), false);
      assert.equal(
        englishNames('The profile field "servers" must be a list of { id, name? }.', server),
        false,
      );
    });

    it('finds ASCII and unbalanced quotes, but not code or typed query syntax', () => {
      assert.deepEqual(quoteProblems('需要 "region"'), ['ASCII " outside code: use “…”']);
      assert.deepEqual(quoteProblems('名为“{0}的配置'), ['“ 1 times, ” 0 times']);
      assert.deepEqual(quoteProblems('请使用‘添加云服务器’'), ['‘…’ outside “…”: use “…”']);
      assert.deepEqual(quoteProblems('例如 `["cn-north-4"]`，或 note="two words"'), []);
      assert.deepEqual(quoteProblems('“设置‘值’”'), []);
      assert.deepEqual(quoteProblems('“\\”之后只能是“"”或“/”'), []);
    });
  });
});
