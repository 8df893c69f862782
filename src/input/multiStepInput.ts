import * as vscode from 'vscode';

/**
 * VS Code's multi-step input pattern (vscode-extension-samples, quickinput-sample/multiStepInput.ts):
 * one quick input at a time, titled with a step counter (`2/8`), a Back button on every step after
 * the first, and nothing typed lost when going back — each step shows the answer it got last time.
 *
 * A step is a function that asks one question and returns the next step (or nothing when done).
 * Steps must be stable references (e.g. bound methods), so `backTo` can find them on the stack.
 */
export type InputStep = (input: MultiStepInput) => Promise<InputStep | undefined>;

/** Thrown out of a step to leave it: back one step, back to a given step, or cancel the flow. */
export class InputFlowAction {
  static readonly back = new InputFlowAction();
  static readonly cancel = new InputFlowAction();
  private constructor(readonly target?: InputStep) {}

  static backTo(step: InputStep): InputFlowAction {
    return new InputFlowAction(step);
  }
}

export interface StepQuestion {
  /** Placeholder of a quick pick, prompt of an input box. */
  prompt: string;
  /**
   * False for a report or a follow-up to the answer before (a token's expiry, the server ids after
   * "by id"): shown without the counter and not counted, so the total never grows as a path goes on.
   */
  counted?: boolean;
}

export interface QuickPickStep<T extends vscode.QuickPickItem> extends StepQuestion {
  items: T[];
  /** The item to start on (the last answer, or the suggestion); the first otherwise. */
  activeItem?: T;
  /** Items that only inform: accepting one does nothing, so the step waits for a real answer. */
  canAccept?: (item: T) => boolean;
}

export interface InputBoxStep extends StepQuestion {
  value?: string;
  placeholder?: string;
  password?: boolean;
  /** Secrets are taken exactly as typed; everything else trimmed. */
  untrimmed?: boolean;
  /** The problem with the (trimmed) value, or a note to show without refusing it; undefined when fine. */
  validate: (trimmed: string) => string | vscode.InputBoxValidationMessage | undefined;
}

/** The quick input a flow shows now, for integration tests to drive (see ExtensionApi). */
let shownInput: vscode.QuickInput | undefined;

export function currentStepInput(): vscode.QuickInput | undefined {
  return shownInput;
}

export class MultiStepInput {
  /** The steps taken, and whether each showed an input (one that only ran a check is not counted). */
  private readonly steps: { step: InputStep; shown: boolean }[] = [];
  private current: vscode.QuickInput | undefined;

  private constructor(
    private readonly title: string,
    private readonly totalSteps: () => number,
  ) {}

  /** Runs the steps from `start`; resolves false when the user cancelled. */
  static async run(title: string, totalSteps: () => number, start: InputStep): Promise<boolean> {
    const input = new MultiStepInput(title, totalSteps);
    try {
      return await input.stepThrough(start);
    } finally {
      input.current?.dispose();
      if (shownInput === input.current) shownInput = undefined;
    }
  }

  /** 1-based number of the step being asked: the steps before it that showed an input, plus one. */
  private get stepNumber(): number {
    return this.steps.slice(0, -1).filter((s) => s.shown).length + 1;
  }

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | undefined = start;
    while (step) {
      this.steps.push({ step, shown: false });
      if (this.current) this.current.enabled = false;
      try {
        step = await step(this);
      } catch (err) {
        if (!(err instanceof InputFlowAction)) throw err;
        if (err === InputFlowAction.cancel) return false;
        this.steps.pop();
        const target = err.target;
        if (target && this.steps.some((s) => s.step === target)) {
          while (this.steps[this.steps.length - 1].step !== target) this.steps.pop();
        }
        // Back from the first step stays on it.
        step = this.steps.pop()?.step ?? start;
      }
    }
    return true;
  }

  showQuickPick<T extends vscode.QuickPickItem>(question: QuickPickStep<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    pick.placeholder = question.prompt;
    pick.items = question.items;
    if (question.activeItem) pick.activeItems = [question.activeItem];
    pick.matchOnDescription = true;
    return this.show(
      pick,
      (resolve) => [
        pick.onDidAccept(() => {
          const item = pick.selectedItems[0] ?? pick.activeItems[0];
          if (item && (question.canAccept?.(item) ?? true)) resolve(item);
        }),
      ],
      question.counted,
    );
  }

  showInputBox(question: InputBoxStep): Promise<string> {
    const box = vscode.window.createInputBox();
    box.prompt = question.prompt;
    box.value = question.value ?? '';
    box.placeholder = question.placeholder;
    box.password = question.password ?? false;
    const answer = (): string => (question.untrimmed ? box.value : box.value.trim());
    const problem = (): string | undefined => {
      const result = question.validate(answer());
      return typeof result === 'string' ? result : undefined;
    };
    const check = (): void => {
      box.validationMessage = question.validate(answer());
    };
    // An empty box shows its prompt until the person types or presses Enter ("Required" in red before
    // anything was typed would hide what is asked); a value filled in for them is checked at once.
    if (box.value) check();
    return this.show(
      box,
      (resolve) => [
        box.onDidChangeValue(check),
        box.onDidAccept(() => {
          if (problem() === undefined) resolve(answer());
          else check();
        }),
      ],
      question.counted,
    );
  }

  /** Shows `input` as this step, with the counter and Back; rejects with an InputFlowAction to leave. */
  private show<Q extends vscode.QuickInput, R>(
    input: Q,
    listen: (resolve: (value: R) => void) => vscode.Disposable[],
    counted = true,
  ): Promise<R> {
    if (counted) this.steps[this.steps.length - 1].shown = true;
    const step = this.stepNumber;
    input.title = this.title;
    // A one-question input (total 0) shows no counter.
    const total = this.totalSteps();
    if (total > 0 && counted) {
      input.step = step;
      input.totalSteps = Math.max(total, step);
    }
    input.ignoreFocusOut = true;
    if ('buttons' in input && (step > 1 || !counted)) {
      (input as unknown as { buttons: vscode.QuickInputButton[] }).buttons = [vscode.QuickInputButtons.Back];
    }
    const disposables: vscode.Disposable[] = [];
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        return true;
      };
      disposables.push(
        ...listen((value) => {
          if (settle()) resolve(value);
        }),
        (input as unknown as vscode.QuickPick<vscode.QuickPickItem>).onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back && settle()) reject(InputFlowAction.back);
        }),
        input.onDidHide(() => {
          if (settle()) reject(InputFlowAction.cancel);
        }),
      );
      // The next input replaces this one without a flicker of the workbench behind.
      this.current?.dispose();
      this.current = input;
      shownInput = input;
      input.show();
    }).finally(() => {
      for (const d of disposables) d.dispose();
    });
  }
}
