import type { InputStep, MultiStepInput } from './multiStepInput';

/**
 * One question of a multi-step input, in the style of vscode-azuretools' AzureWizardPromptStep:
 * whether this path asks it is said once (`shouldPrompt`), and both the way on and the step counter
 * follow from that — there is no second copy of the path as arithmetic.
 */
export interface Question {
  /** Asks, and keeps the answer where the flow keeps its answers. */
  ask(input: MultiStepInput): Promise<void>;
  /**
   * Whether this path asks it, from the answers so far; a question not answered yet counts as the
   * answer Enter gives, so the total is right from the first step.
   */
  shouldPrompt(): boolean;
  /** False for a report or a follow-up to the answer before: not counted (see StepQuestion.counted). */
  counted?: false;
}

/**
 * Questions in the order they are asked: each step goes on to the next question this path asks.
 * The steps are made once, so `stepOf` gives the reference `InputFlowAction.backTo` looks for.
 */
export class QuestionPath {
  private readonly steps: InputStep[];

  constructor(private readonly questions: readonly Question[]) {
    this.steps = questions.map((question, index) => async (input) => {
      await question.ask(input);
      return this.firstAskedFrom(index + 1);
    });
  }

  /** The first question asked; run it with `MultiStepInput.run(title, () => path.totalSteps(), path.start)`. */
  get start(): InputStep {
    const first = this.firstAskedFrom(0);
    if (!first) throw new Error('A question path without a question to ask');
    return first;
  }

  /** The counted questions this path asks, as the answers so far say. */
  totalSteps(): number {
    return this.questions.filter((q) => q.counted !== false && q.shouldPrompt()).length;
  }

  /** The step of a question, to go back to. */
  stepOf(question: Question): InputStep {
    const index = this.questions.indexOf(question);
    if (index < 0) throw new Error('Not a question of this path');
    return this.steps[index];
  }

  private firstAskedFrom(index: number): InputStep | undefined {
    for (let i = index; i < this.questions.length; i++) {
      if (this.questions[i].shouldPrompt()) return this.steps[i];
    }
    return undefined;
  }
}
