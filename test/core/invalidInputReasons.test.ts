/**
 * Every `invalidInput` the core throws carries a reason code (`problem`), so the VS Code layer can
 * say it in the user's language (src/errors/inputProblems.ts) instead of a generic "check the
 * profile" that loses what was wrong. Read from the source, so a new throw without one fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { createEcsClient, EcsError } from '../../src/core';

const coreDir = path.resolve(__dirname, '..', '..', '..', 'src', 'core');

/** `new EcsError('invalidInput', …)` calls of the core without a `problem` in their facts, as file:line. */
function throwsWithoutReason(): { found: number; without: string[] } {
  let found = 0;
  const without: string[] = [];
  for (const name of fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts'))) {
    const file = path.join(coreDir, name);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'EcsError' &&
        node.arguments?.[0] &&
        ts.isStringLiteral(node.arguments[0]) &&
        node.arguments[0].text === 'invalidInput'
      ) {
        found++;
        const facts = node.arguments[2];
        const hasProblem =
          facts !== undefined &&
          ts.isObjectLiteralExpression(facts) &&
          facts.properties.some(
            (p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'problem',
          );
        if (!hasProblem) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          without.push(`${name}:${line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, without };
}

describe('invalid input carries a reason code', () => {
  it('every invalidInput the core throws names its problem', () => {
    const { found, without } = throwsWithoutReason();
    assert.ok(found >= 25, `the scan found only ${found} throws`);
    assert.deepEqual(without, [], 'invalidInput thrown without a problem code');
  });

  it('a refused option says which, as a code (not only in English words)', () => {
    assert.throws(
      () =>
        createEcsClient({
          endpoint: 'https://127.0.0.1:1',
          projectId: '9c53a566cb3443ab910cf0daebca90c4',
          auth: { type: 'token', token: '' },
        }),
      (error: unknown) =>
        error instanceof EcsError &&
        error.kind === 'invalidInput' &&
        error.problem.code === 'credentialMissing' &&
        error.problem.detail === 'token' &&
        error.message === 'The token is missing. Set the credentials of this profile.',
    );
    assert.throws(
      () =>
        createEcsClient({
          endpoint: 'https://127.0.0.1:1',
          projectId: '9c53a566cb3443ab910cf0daebca90c4',
          auth: { type: 'token', token: 't' },
          timeoutMs: -1,
        }),
      (error: unknown) =>
        error instanceof EcsError &&
        error.kind === 'invalidInput' &&
        error.problem.code === 'optionNotPositive' &&
        error.problem.detail === 'timeoutMs' &&
        error.message === 'timeoutMs must be a positive number (it is -1).',
    );
  });
});
