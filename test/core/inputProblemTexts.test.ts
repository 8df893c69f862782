/**
 * Every reason code the core's validators report has its sentence in the VS Code layer
 * (src/errors/inputProblems.ts), in English and in Simplified Chinese: a new rule without words
 * fails here instead of reaching a user as a wrong or English-only message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { inputProblemCodes } from '../../src/core';

const root = path.resolve(__dirname, '..', '..', '..');

/** The first `l10n.t('…')` literal under each `case '<code>':` group of inputProblemText's switch. */
function textsByCode(): Map<string, string> {
  const file = path.join(root, 'src', 'errors', 'inputProblems.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const texts = new Map<string, string>();
  const firstL10n = (node: ts.Node): string | undefined => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 't' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      return node.arguments[0].text;
    }
    return ts.forEachChild(node, firstL10n);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCaseBlock(node)) {
      let pending: string[] = [];
      for (const clause of node.clauses) {
        if (ts.isCaseClause(clause) && ts.isStringLiteral(clause.expression))
          pending.push(clause.expression.text);
        const text = clause.statements.map(firstL10n).find((t) => t !== undefined);
        if (text !== undefined) {
          for (const code of pending) texts.set(code, text);
          pending = [];
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

describe('input problem codes', () => {
  const texts = textsByCode();
  const bundle = JSON.parse(
    fs.readFileSync(path.join(root, 'media', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
  ) as Record<string, unknown>;

  it('finds the codes and the sentences (the scan itself works)', () => {
    assert.ok(inputProblemCodes.length >= 10);
    assert.ok(texts.size >= 10, `found ${texts.size} sentences`);
  });

  for (const code of inputProblemCodes) {
    it(`${code} has an English sentence and its Simplified Chinese translation`, () => {
      const text = texts.get(code);
      assert.ok(text, `no case '${code}' with an l10n.t sentence in src/errors/inputProblems.ts`);
      assert.equal(typeof bundle[text], 'string', `no zh-cn translation of "${text}"`);
    });
  }
});
