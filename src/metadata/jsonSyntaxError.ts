/**
 * Where a JSON text first goes wrong and what was expected there, for a text `JSON.parse` refused.
 * `JSON.parse` says only "at position 244" (or, for some mistakes, not even that) and quotes the text,
 * values included; this says what a person can act on, in words the VS Code layer translates.
 * Pure (no `vscode`).
 */

/** What the text needed where it went wrong. */
export type JsonExpectation =
  /** A value: text in double quotes (or any JSON value inside). */
  | 'value'
  /** A key in double quotes (the start of a member, or `}`). */
  | 'key'
  /** The `:` between a key and its value. */
  | 'colon'
  /** A `,` before the next member, or the closing `}` / `]`. */
  | 'commaOrClose'
  /** The closing quote of a text (a line break or control character came first). */
  | 'stringEnd'
  /** A valid escape after `\` (`\"`, `\\`, `\n`, `\u00e9`…). */
  | 'escape'
  /** Nothing more: text follows the end of the object. */
  | 'end';

export interface JsonSyntaxError {
  /** Offset into the text of the first character that does not fit (the text's length at its end). */
  offset: number;
  expected: JsonExpectation;
  /** The last key read before the mistake, to say where it is. */
  afterKey?: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: JsonExpectation,
  ) {}
}

/** The first mistake of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  let lastKey: string | undefined;
  const fail = (expected: JsonExpectation): never => {
    throw new Stop(i, expected);
  };
  const space = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('stringEnd');
      const c = text[i];
      if (c === '"') break;
      if (c < ' ') fail('stringEnd');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail('escape');
        }
        continue;
      }
      i++;
    }
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const literal = (): void => {
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!word) fail('value');
    i += (word as RegExpExecArray)[0].length;
  };
  const members = (close: '}' | ']', member: () => void): void => {
    i++; // opening bracket
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[i] === ',') {
        i++;
        space();
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail('commaOrClose');
    }
  };
  const value = (): void => {
    space();
    if (i >= text.length) fail('value');
    if (text[i] === '"') string();
    else if (text[i] === '{') {
      members('}', () => {
        if (text[i] !== '"') fail('key');
        const key = string();
        lastKey = key;
        space();
        if (text[i] !== ':') fail('colon');
        i++;
        value();
      });
    } else if (text[i] === '[') members(']', value);
    else literal();
  };
  try {
    value();
    space();
    if (i < text.length) fail('end');
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    return {
      offset: stop.offset,
      expected: stop.expected,
      ...(lastKey !== undefined ? { afterKey: lastKey } : {}),
    };
  }
}

/** The 1-based line and column of `offset` in `text` (a column counts characters, as VS Code does). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
