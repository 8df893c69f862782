/** An argument the extension's own UI hands a command on a person's behalf; scripts cannot make one. */
class PersonRequest {
  constructor(readonly arg: unknown) {}
}

/** Wraps `arg` so the command it is passed to treats its caller as a person. */
export function onBehalfOfPerson(arg: unknown): unknown {
  return new PersonRequest(arg);
}

/** What `onBehalfOfPerson` wrapped, when `arg` is such a wrapper; else undefined. */
export function personRequestOf(arg: unknown): { arg: unknown } | undefined {
  return arg instanceof PersonRequest ? { arg: arg.arg } : undefined;
}
