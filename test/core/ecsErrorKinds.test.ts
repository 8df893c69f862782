/**
 * `EcsError` is a union by kind: each kind carries its own facts and no other kind's. The
 * `@ts-expect-error` lines are the type-level half of this test: `tsc -p .` (run by `npm run
 * test:core` before mocha) fails with "Unused '@ts-expect-error' directive" if one of them compiles,
 * that is, if a wrong fact for a kind were accepted again. The `it`s check the same at run time.
 */
import * as assert from 'node:assert/strict';
import { EcsError, isEcsError, type EcsErrorKind } from '../../src/core';

const problem = { code: 'metadataEmpty', detail: '' } as const;

/** Only built, never thrown: the compiler checks these, mocha does not run them. */
export function wrongFactsDoNotCompile(): unknown[] {
  return [
    // @ts-expect-error taskState belongs to conflict alone
    new EcsError('quota', 'full', { taskState: 'resize_migrating' }),
    // @ts-expect-error keyCount and keyQuota belong to quota alone
    new EcsError('conflict', 'busy', { keyCount: 3, keyQuota: 3 }),
    // @ts-expect-error permission belongs to forbidden alone
    new EcsError('auth', 'rejected', { permission: 'ecs:servers:getMetadata' }),
    // @ts-expect-error expired belongs to auth alone
    new EcsError('forbidden', 'denied', { expired: true }),
    // @ts-expect-error refused belongs to auth alone
    new EcsError('network', 'down', { refused: 'signature' }),
    // @ts-expect-error problem belongs to invalidInput alone
    new EcsError('server', 'broken', { problem }),
    // @ts-expect-error an agency problem belongs to invalidInput and forbidden only
    new EcsError('auth', 'no', { agency: { problem: 'unknownAgency', agencyName: 'a', agencyDomain: 'd' } }),
    // @ts-expect-error invalidInput always says its problem
    new EcsError('invalidInput', 'bad'),
    // @ts-expect-error invalidInput always says its problem, even with other facts
    new EcsError('invalidInput', 'bad', { status: 400 }),
    // @ts-expect-error not a kind
    new EcsError('busy', 'no such kind'),
  ];
}

/** Reading a fact another kind owns does not compile once the kind is known. */
export function otherKindsFactsAreNotThere(err: unknown): unknown[] {
  const seen: unknown[] = [];
  if (isEcsError(err, 'quota')) {
    seen.push(err.keyCount, err.keyQuota, err.status);
    // @ts-expect-error a quota error has no task state
    seen.push(err.taskState);
  }
  if (err instanceof EcsError) {
    // @ts-expect-error before narrowing, no kind's own fact is there
    seen.push(err.permission);
    switch (err.kind) {
      case 'conflict':
        seen.push(err.taskState);
        // @ts-expect-error a conflict has no permission
        seen.push(err.permission);
        break;
      case 'invalidInput':
        // Required for this kind: no `?.` needed.
        seen.push(err.problem.code);
        // @ts-expect-error an invalid input was not refused as a signature
        seen.push(err.refused);
        break;
      case 'auth':
        seen.push(err.expired, err.refused);
        // @ts-expect-error an auth error has no problem code
        seen.push(err.problem);
        break;
    }
  }
  return seen;
}

describe('EcsError, a union by kind', () => {
  it('is one class: instanceof, name and kind as before, for every kind', () => {
    const kinds: EcsErrorKind[] = ['timeout', 'quota', 'conflict', 'forbidden', 'auth', 'invalidInput'];
    for (const kind of kinds) {
      const err: unknown =
        kind === 'invalidInput' ? new EcsError(kind, 'm', { problem }) : new EcsError(kind, 'm');
      assert.ok(err instanceof EcsError, kind);
      assert.ok(err instanceof Error, kind);
      assert.equal(err.name, 'EcsError');
      assert.equal(err.constructor.name, 'EcsError');
      assert.equal(err.kind, kind);
      assert.equal(err.message, 'm');
      assert.match(err.stack ?? '', /^EcsError: m\n/);
    }
  });

  it('carries the facts it is given, and none of another kind', () => {
    const cause = new Error('socket');
    const err = new EcsError('conflict', 'busy', {
      status: 409,
      requestId: 'r-1',
      taskState: 'resizing',
      cause,
    });
    assert.equal(err.taskState, 'resizing');
    assert.equal(err.status, 409);
    assert.equal(err.requestId, 'r-1');
    for (const other of ['permission', 'keyCount', 'keyQuota', 'problem', 'expired', 'agency', 'refused']) {
      assert.ok(!(other in err), `a conflict has no ${other}`);
    }
    // The cause is kept but not enumerable (it may hold request objects with secret headers).
    assert.equal(err.cause, cause);
    assert.ok(!Object.keys(err).includes('cause'));
    const unknownState = new EcsError('conflict', 'busy', { taskState: undefined });
    assert.ok(!('taskState' in unknownState), 'a fact given as undefined is left out');
  });

  it('isEcsError with a kind is true for that kind only', () => {
    const quota: unknown = new EcsError('quota', 'full', { keyCount: 128, keyQuota: 128 });
    assert.ok(isEcsError(quota));
    assert.ok(isEcsError(quota, 'quota'));
    assert.ok(!isEcsError(quota, 'conflict'));
    assert.ok(!isEcsError(new Error('plain'), 'quota'));
    assert.ok(!isEcsError({ kind: 'quota', message: 'look-alike' }));
    if (isEcsError(quota, 'quota')) assert.deepEqual([quota.keyCount, quota.keyQuota], [128, 128]);
    const input = new EcsError('invalidInput', 'There are no metadata keys to write.', { problem });
    assert.ok(isEcsError(input, 'invalidInput') && input.problem.code === 'metadataEmpty');
  });
});
