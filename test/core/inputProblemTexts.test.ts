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

/**
 * The `l10n.t('…')` literal of each code's entry in the `problemTexts` table: in the entry itself,
 * or in the function of the file the entry names (codes that share a sentence).
 */
function textsByCode(): Map<string, string> {
  const file = path.join(root, 'src', 'errors', 'inputProblems.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
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
  const functions = new Map<string, ts.FunctionDeclaration>();
  let table: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.set(node.name.text, node);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'problemTexts' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      table = node.initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const texts = new Map<string, string>();
  for (const entry of table?.properties ?? []) {
    if (!ts.isPropertyAssignment(entry) || !ts.isIdentifier(entry.name)) continue;
    const value = entry.initializer;
    const named = ts.isIdentifier(value) ? functions.get(value.text) : undefined;
    const text = firstL10n(named ?? value);
    if (text !== undefined) texts.set(entry.name.text, text);
  }
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
      assert.ok(text, `no entry ${code} with an l10n.t sentence in src/errors/inputProblems.ts`);
      assert.equal(typeof bundle[text], 'string', `no zh-cn translation of "${text}"`);
    });
  }
});
