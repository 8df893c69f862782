/**
 * Why an input was refused, as a code the VS Code layer turns into words in the user's language.
 * Every code the validators of `validation.ts` can report is listed here.
 */
export const inputProblemCodes = [
  'serverIdInvalid',
  'metadataKeyEmpty',
  'metadataKeyTooLong',
  'metadataKeyDotSegment',
  'metadataKeyCharacters',
  'projectIdMissing',
  'projectIdInvalid',
  'endpointNotUrl',
  'endpointScheme',
  'endpointPlainHttp',
  'endpointCredentials',
  'endpointQuery',
  'profileNameEmpty',
  'profileNameControl',
] as const;

export type InputProblemCode = (typeof inputProblemCodes)[number];

/** A refused input: the code, and the one fact its message names (the input clipped, a length, a host). */
export interface InputProblem {
  code: InputProblemCode;
  detail: string;
}
