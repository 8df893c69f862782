/**
 * Input a person typed or a script passed that cannot be used, with the localized sentence that
 * says why. Shown as is, with no buttons; a script's rejection carries the same sentence.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
