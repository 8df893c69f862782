/**
 * The suite's one answer to the extension's modal confirmations. A script that removes a profile or
 * replaces its stored credentials is asked first in a modal, and a modal waits for a click the
 * extension host cannot make: left alone, the call would never settle. So every scripted call that
 * may ask runs inside `confirmingModals` (or `decliningModals`), which replaces
 * `vscode.window.showWarningMessage` for the duration of the call only, records each modal shown,
 * answers it with its first button (the confirmation) or by closing it, and passes every non-modal
 * warning on to VS Code. A call that asks nothing is answered nothing.
 */
import * as vscode from 'vscode';

/** One modal the extension showed during the call. */
export interface ModalShown {
  message: string;
  detail?: string;
  /** The titles of its buttons, in order (the first is the confirmation). */
  buttons: string[];
}

type ShowWarning = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Runs `call` with every modal confirmed by its first button; the modals are added to `shown`. */
export function confirmingModals<T>(call: () => Thenable<T>, shown: ModalShown[] = []): Promise<T> {
  return answeringModals('confirm', call, shown);
}

/** Runs `call` with every modal closed unanswered, as a person pressing Escape would; recorded in `shown`. */
export function decliningModals<T>(call: () => Thenable<T>, shown: ModalShown[] = []): Promise<T> {
  return answeringModals('decline', call, shown);
}

/**
 * Runs `call` with its first `confirmed` modals confirmed and every later one closed unanswered (a
 * person who confirms the summary and then stops at the second question); recorded in `shown`.
 */
export function confirmingFirstModals<T>(
  confirmed: number,
  call: () => Thenable<T>,
  shown: ModalShown[] = [],
): Promise<T> {
  let asked = 0;
  return answeringModals(() => asked++ < confirmed, call, shown);
}

async function answeringModals<T>(
  answer: 'confirm' | 'decline' | (() => boolean),
  call: () => Thenable<T>,
  shown: ModalShown[],
): Promise<T> {
  const confirms = typeof answer === 'function' ? answer : () => answer === 'confirm';
  const window = vscode.window as { showWarningMessage: ShowWarning };
  const original = window.showWarningMessage;
  window.showWarningMessage = (message: string, ...rest: unknown[]) => {
    const [options, ...items] = rest;
    if (!isModal(options)) return original(message, ...rest);
    shown.push({ message, detail: options.detail, buttons: items.map(titleOf) });
    return Promise.resolve(confirms() ? items[0] : undefined);
  };
  try {
    return await call();
  } finally {
    window.showWarningMessage = original;
  }
}

function isModal(options: unknown): options is vscode.MessageOptions {
  return typeof options === 'object' && options !== null && (options as vscode.MessageOptions).modal === true;
}

function titleOf(item: unknown): string {
  return typeof item === 'string' ? item : String((item as vscode.MessageItem).title);
}
