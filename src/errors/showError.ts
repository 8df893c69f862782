import * as vscode from 'vscode';
import { CommandId } from '../commandBase/commandIds';
import { onBehalfOfPerson } from '../commandBase/personRequest';
import { describeError, type ErrorSubject } from './userMessage';

const ownCommands: ReadonlySet<string> = new Set(Object.values(CommandId));

/** Shows the message with its buttons and runs the one the person picks, on their behalf. */
export async function showError(err: unknown, subject: ErrorSubject = {}): Promise<void> {
  const { message, actions } = describeError(err, subject);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === picked);
  if (!action) return;
  const args = action.args ?? [];
  await vscode.commands.executeCommand(
    action.command,
    ...(ownCommands.has(action.command) ? args.map(onBehalfOfPerson) : args),
  );
}
