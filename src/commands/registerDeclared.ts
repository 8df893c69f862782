import * as vscode from 'vscode';
import { isRecord } from '../core';
import type { DeclaredCommand } from './commandArguments';
import type { CommandId } from '../commandBase/commandIds';
import { registerCommand, type CommandCall } from './registerCommand';
import { TreeNode } from '../tree/treeNode';

/**
 * A call of a declared command: a person's (the tree item or nothing in `arg`, `script` undefined)
 * or a script's, whose argument the declaration's parser has checked and typed as `script`.
 */
export type DeclaredCall<T> = CommandCall & { readonly calledAs: CommandId } & (
    | { readonly byPerson: true; readonly script?: undefined }
    | { readonly byPerson: false; readonly script: T }
  );

/**
 * Registers a declared command, and each of its old ids, through the one door (`registerCommand`).
 * A script's argument is parsed before the handler runs: one that does not fit is refused with
 * `invalidInput` and the reason, and nothing is asked, read or written.
 */
export function registerDeclared<T>(
  command: DeclaredCommand<T>,
  handler: (call: DeclaredCall<T>) => unknown,
): vscode.Disposable {
  const run =
    (calledAs: CommandId, defaults: Readonly<Record<string, unknown>> = {}) =>
    (call: CommandCall): unknown => {
      // The same call object: what the handler sets in `subject`, the door's error message names.
      if (call.byPerson) return handler(Object.assign(call, { calledAs }) as DeclaredCall<T>);
      const arg = isRecord(call.arg) ? { ...defaults, ...call.arg } : call.arg;
      return handler(
        Object.assign(call, { calledAs, arg, script: command.shape.parse(arg) }) as DeclaredCall<T>,
      );
    };
  return vscode.Disposable.from(
    registerCommand(command.id, run(command.id)),
    ...command.aliases.map((alias) => registerCommand(alias.id, run(alias.id, alias.defaults))),
  );
}

/**
 * The argument in the declared shape: a script's (parsed already), or what one of the extension's
 * own buttons passed on a person's behalf (an error's Set Credentials, a listing's Add Server by
 * Id), read by the same parser. Undefined for a tree row or no argument: the person's own path.
 */
export function declaredArgument<T>(command: DeclaredCommand<T>, call: DeclaredCall<T>): T | undefined {
  if (!call.byPerson) return call.script;
  if (call.arg === undefined || call.arg instanceof TreeNode) return undefined;
  return command.shape.parse(call.arg);
}
