import type { ErrorSubject } from '../errors/userMessage';

/**
 * A failure of one part of a command that works on several things at once (profiles searched
 * together, the two sides of a comparison): it names its own subject, which the command as a whole
 * cannot, so the command door describes it with that subject.
 */
class FailureAbout extends Error {
  constructor(
    readonly failure: unknown,
    readonly subject: ErrorSubject,
  ) {
    super('failure of a part of a command', { cause: failure });
  }
}

/** Runs `work`; a failure is described naming `subject` (the innermost subject wins). */
export async function failingAbout<T>(subject: ErrorSubject, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof FailureAbout ? err : new FailureAbout(err, subject);
  }
}

/** The failure itself, and the subject to describe it with: the part's own over the command's. */
export function failureAndSubject(
  caught: unknown,
  subject: ErrorSubject,
): { failure: unknown; subject: ErrorSubject } {
  return caught instanceof FailureAbout
    ? { failure: caught.failure, subject: { ...subject, ...caught.subject } }
    : { failure: caught, subject };
}
