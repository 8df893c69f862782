/**
 * Reading a policy: its JSON text (with the line and column of each problem) or an object a script
 * passed. Every problem is collected; a policy with any problem is refused whole, so no check runs on
 * a half-understood policy. Pure: problems are codes the VS Code layer words. The YAML parser (which
 * reads JSON with positions) is loaded when a policy is first read, not on activation.
 */
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { loadYaml } from '../bundling/loadYaml';
import { QuerySyntaxError } from '../find/query/metadataQuery';
import { parseQuery } from '../find/query/parseQuery';
import { globPartsOf, matcherOf } from './policyGlob';
import {
  POLICY_KEYS,
  RULE_KEYS,
  type AllowedValues,
  type KeyGlob,
  type Policy,
  type PolicyRule,
} from './policy';

export type PolicyProblemCode =
  /** The text is not JSON (detail: the parser's own code). */
  | 'syntax'
  | 'notObject'
  /** Expected a list (of rules). */
  | 'notList'
  /** Expected a list of texts. */
  | 'notTextList'
  | 'notText'
  /** A key the policy or a rule does not know (detail: the key). */
  | 'unknownKey'
  | 'missingRules'
  | 'missingName'
  /** Two rules of one name (detail: the name). */
  | 'duplicateName'
  /** A rule with none of require, allowed, forbid. */
  | 'emptyRule'
  /** An empty key (detail: where). */
  | 'emptyKey'
  /** A glob whose backslash at the end has nothing to escape, or an empty key glob (detail: the glob). */
  | 'invalidGlob'
  /** appliesTo is not a find query (queryError says why). */
  | 'invalidQuery'
  /** A default for a key the rule does not require (detail: the key). */
  | 'defaultNotRequired'
  /** An allowed list with no value: no value could pass (detail: the key). */
  | 'noAllowedValue';

export interface PolicyProblem {
  code: PolicyProblemCode;
  /** Where in the policy, as `rules[2].allowed.env` (1-based rule numbers; '' for the whole policy). */
  path: string;
  detail?: string;
  queryError?: QuerySyntaxError;
  /** 1-based, when the policy came as text. */
  line?: number;
  column?: number;
}

export type PolicyReading = { policy: Policy; problems?: undefined } | { problems: PolicyProblem[] };

/** Reads a policy file's text: JSON, with comments as VS Code allows them in `.vscode/`. */
export function parsePolicyText(text: string): PolicyReading {
  const lineCounter = new (loadYaml().LineCounter)();
  const doc = loadYaml().parseDocument(blankComments(text), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const linePos: LinePos = (offset) => lineCounter.linePos(offset);
  const [error] = doc.errors;
  if (error) {
    // Only the first: the errors after a syntax error mostly follow from it.
    const at = linePos(error.pos[0]);
    return { problems: [{ code: 'syntax', path: '', detail: error.code, line: at.line, column: at.col }] };
  }
  return new Reader(linePos).policy(doc.contents);
}

/** Reads a policy a script passed as an object (no positions to give). */
export function parsePolicyObject(value: unknown): PolicyReading {
  return new Reader(undefined).policy(new (loadYaml().Document)(value).contents);
}

type LinePos = (offset: number) => { line: number; col: number };

const keyOf = (node: unknown): string => (loadYaml().isScalar(node) ? String(node.value) : String(node));

/** Walks the parsed document, collecting every problem with where it is. */
class Reader {
  private readonly problems: PolicyProblem[] = [];

  constructor(private readonly linePos: LinePos | undefined) {}

  policy(root: unknown): PolicyReading {
    const rules: PolicyRule[] = [];
    if (!loadYaml().isMap(root)) {
      this.problem('notObject', '', root);
      return { problems: this.problems };
    }
    this.knownKeys(root, POLICY_KEYS, '');
    const rulesNode = root.get('rules', true);
    if (rulesNode === undefined) this.problem('missingRules', '', root);
    else if (!loadYaml().isSeq(rulesNode)) this.problem('notList', 'rules', rulesNode);
    else {
      const names = new Set<string>();
      rulesNode.items.forEach((item, i) => {
        const rule = this.rule(item, `rules[${i + 1}]`);
        if (!rule) return;
        if (names.has(rule.name)) this.problem('duplicateName', `rules[${i + 1}].name`, item, rule.name);
        names.add(rule.name);
        rules.push(rule);
      });
    }
    return this.problems.length > 0 ? { problems: this.problems } : { policy: { rules } };
  }

  private problem(code: PolicyProblemCode, path: string, node: unknown, detail?: string): PolicyProblem {
    const entry: PolicyProblem = { code, path };
    if (detail !== undefined) entry.detail = detail;
    const range = (node as YamlNode | undefined)?.range;
    if (this.linePos && range) {
      const at = this.linePos(range[0]);
      entry.line = at.line;
      entry.column = at.col;
    }
    this.problems.push(entry);
    return entry;
  }

  private knownKeys(map: YAMLMap, known: readonly string[], path: string): void {
    for (const pair of map.items) {
      const key = keyOf(pair.key);
      if (!known.includes(key)) this.problem('unknownKey', path, pair.key, key);
    }
  }

  private rule(node: unknown, path: string): PolicyRule | undefined {
    if (!loadYaml().isMap(node)) {
      this.problem('notObject', path, node);
      return undefined;
    }
    const before = this.problems.length;
    this.knownKeys(node, RULE_KEYS, path);
    if (!node.has('name')) this.problem('missingName', path, node);
    const rule: PolicyRule = {
      name: this.text(node, 'name', path) ?? '',
      require: [],
      defaults: {},
      allowed: [],
      forbid: [],
    };
    const appliesTo = this.text(node, 'appliesTo', path);
    if (appliesTo !== undefined) {
      try {
        rule.appliesTo = parseQuery(appliesTo);
      } catch (err) {
        if (!(err instanceof QuerySyntaxError)) throw err;
        this.problem('invalidQuery', `${path}.appliesTo`, node.get('appliesTo', true), appliesTo).queryError =
          err;
      }
    }
    const requireNode = node.get('require', true);
    rule.require = this.textList(requireNode, `${path}.require`) ?? [];
    rule.require.forEach((key, i) => {
      if (key === '') this.problem('emptyKey', `${path}.require[${i + 1}]`, requireNode);
    });
    this.readDefaults(node, path, rule);
    this.readAllowed(node, path, rule);
    const forbidNode = node.get('forbid', true);
    for (const text of this.textList(forbidNode, `${path}.forbid`) ?? []) {
      const parts = globPartsOf(text);
      if (!parts || parts.length === 0) this.problem('invalidGlob', `${path}.forbid`, forbidNode, text);
      else rule.forbid.push({ text, matches: matcherOf(parts) } satisfies KeyGlob);
    }
    if (!node.has('require') && !node.has('allowed') && !node.has('forbid')) {
      this.problem('emptyRule', path, node);
    }
    return this.problems.length === before ? rule : undefined;
  }

  /** The pairs of an object-valued key of a rule; none when absent or (a problem) not an object. */
  private pairsOf(node: YAMLMap, key: 'defaults' | 'allowed', path: string): YAMLMap['items'] {
    const value = node.get(key, true);
    if (value === undefined) return [];
    if (loadYaml().isMap(value)) return value.items;
    this.problem('notObject', `${path}.${key}`, value);
    return [];
  }

  private readDefaults(node: YAMLMap, path: string, rule: PolicyRule): void {
    for (const pair of this.pairsOf(node, 'defaults', path)) {
      const key = keyOf(pair.key);
      const value = loadYaml().isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof value !== 'string')
        this.problem('notText', `${path}.defaults.${key}`, pair.value ?? pair.key);
      else if (!rule.require.includes(key))
        this.problem('defaultNotRequired', `${path}.defaults`, pair.key, key);
      else defineValue(rule.defaults, key, value);
    }
  }

  private readAllowed(node: YAMLMap, path: string, rule: PolicyRule): void {
    for (const pair of this.pairsOf(node, 'allowed', path)) {
      const key = keyOf(pair.key);
      const where = `${path}.allowed.${key}`;
      if (key === '') this.problem('emptyKey', `${path}.allowed`, pair.key);
      const texts = this.textList(pair.value, where);
      if (!texts) continue;
      if (texts.length === 0) this.problem('noAllowedValue', where, pair.value, key);
      const entry: AllowedValues = { key, texts, matchers: [] };
      for (const text of texts) {
        const parts = globPartsOf(text);
        if (parts) entry.matchers.push(matcherOf(parts));
        else this.problem('invalidGlob', where, pair.value, text);
      }
      rule.allowed.push(entry);
    }
  }

  private text(map: YAMLMap, key: string, path: string): string | undefined {
    const node = map.get(key, true);
    if (node === undefined) return undefined;
    if (loadYaml().isScalar(node) && typeof node.value === 'string') return node.value;
    this.problem('notText', `${path}.${key}`, node);
    return undefined;
  }

  private textList(node: unknown, path: string): string[] | undefined {
    if (node === undefined) return undefined;
    if (
      loadYaml().isSeq(node) &&
      node.items.every((item) => loadYaml().isScalar(item) && typeof item.value === 'string')
    ) {
      return node.items.map((item) => String((item as { value: string }).value));
    }
    this.problem('notTextList', path, node);
    return undefined;
  }
}

/**
 * Line and block comments outside strings turned into spaces (line breaks kept), so the YAML
 * reader, which knows only `#` comments, sees JSON and every offset stays where it was.
 */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const close = text[i + 1] === '/' ? '\n' : '*/';
      const found = text.indexOf(close, i + 2);
      const end = found === -1 ? text.length : close === '\n' ? found : found + 2;
      out += text.slice(i, end).replace(/[^\r\n]/g, ' ');
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** defineProperty keeps a key named `__proto__` a plain key. */
function defineValue(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
