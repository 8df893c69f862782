import * as vscode from 'vscode';
import type { CommandId } from '../commandBase/commandIds';
import { personRequestOf } from '../commandBase/personRequest';
import { isEcsError } from '../core';
import { InputError } from '../errors/inputError';
import { isSetupError } from '../errors/setupError';
import { showError } from '../errors/showError';
import { describeError, type ErrorSubject } from '../errors/userMessage';
import { QuerySyntaxError } from '../find/query/metadataQuery';
import { TreeNode } from '../tree/treeNode';
import { failureAndSubject } from './failureSubject';

/** What a command handler gets: who called, with what, and what a failure should name. */
export interface CommandCall {
  /**
   * True when a person ran the command: the palette, a keybinding, a menu, a tree click, a
   * view-title button (VS Code passes the focused tree row, or a URI, to those), or a button of
   * the extension's own. False when a script passed an argument of its own.
   */
  readonly byPerson: boolean;
  /**
   * For a person: the tree node the command was run on (possibly just the focused row of a
   * view-title button), or what one of the extension's own buttons passed; else undefined.
   * For a script: its argument, unchecked.
   */
  readonly arg: unknown;
  /**
   * For a person running the command from a tree row's menu: every row selected together (VS Code
   * passes them after the clicked row). Empty otherwise.
   */
  readonly selection: readonly unknown[];
  /** What the command is about, set by the handler as it learns it; error messages name it. */
  subject: ErrorSubject;
}

export type CommandHandler = (call: CommandCall) => unknown;

/**
 * The one door of every command. It decides once who called: a person who fails is shown a
 * localized message with its actions (never VS Code's generic "command failed") and the command
 * resolves to undefined; a script that fails gets a rejection carrying the same localized message
 * and the error's `kind` (so a script can tell a declined confirmation, `cancelled`, from a failure).
 */
export function registerCommand(id: CommandId, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown, selected?: unknown) => {
    const caller = callerOf(arg);
    const selection = caller.byPerson && arg instanceof TreeNode && Array.isArray(selected) ? selected : [];
    const call: CommandCall = { ...caller, selection, subject: {} };
    try {
      return await handler(call);
    } catch (caught) {
      const { failure, subject } = failureAndSubject(caught, call.subject);
      if (!call.byPerson) throw scriptError(failure, subject);
      // A person who cancelled (or closed what was loading) needs no message about it.
      if (!(isEcsError(failure) && failure.kind === 'cancelled')) void showError(failure, subject);
      return undefined;
    }
  });
}

/** A script's rejection: an Error with an error kind to branch on, when known. */
export interface ScriptError extends Error {
  /**
   * What went wrong, to branch on: the core's error kind (`cancelled`, `auth`, `keyNotFound`…), a
   * setup kind (`unknownProfile`, `missingCredentials`, `endpointsChanged`…), or `invalidInput` for an
   * argument or query that does not fit; absent for an unexpected failure.
   */
  kind?: string;
  /** For `invalidInput` refused before anything was sent: the rule that refused it, e.g. `argumentsExpected`. */
  reason?: string;
}

/** The localized message of `err`, and its kind when it has one, for a script to read. */
export function scriptError(err: unknown, subject: ErrorSubject = {}): ScriptError {
  const error: ScriptError = new Error(describeError(err, subject).message);
  if (isEcsError(err) || isSetupError(err)) error.kind = err.kind;
  if (isEcsError(err, 'invalidInput')) error.reason = err.problem.code;
  else if (err instanceof InputError || err instanceof QuerySyntaxError) error.kind = 'invalidInput';
  return error;
}

function callerOf(arg: unknown): { byPerson: boolean; arg: unknown } {
  const request = personRequestOf(arg);
  if (request) return { byPerson: true, arg: request.arg };
  if (arg instanceof TreeNode) return { byPerson: true, arg };
  // A tree node, a URI or an empty object is never a script's argument: menus and keybindings pass them.
  if (arg === undefined || arg === null || arg instanceof vscode.Uri || isEmptyObject(arg)) {
    return { byPerson: true, arg: undefined };
  }
  return { byPerson: false, arg };
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
