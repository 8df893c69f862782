/**
 * Why an input was refused, as a code the VS Code layer turns into words in the user's language.
 * Every code the validators of `validation.ts` can report is listed here.
 */
export const validatorProblemCodes = [
  // A command's argument that does not have the shape the command declares (scriptArguments.ts).
  'argumentsExpected',
  'argumentNotText',
  'metadataValueNotText',
  'metadataValueTooLong',
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

/** The codes of the validators below, which `inputProblemMessage` (validation.ts) also says in English. */
export type ValidatorProblemCode = (typeof validatorProblemCodes)[number];

/**
 * Every reason an input is refused: the validators' codes, those of the other checks of the core
 * (options, credentials, lookups), which say their English at the throw, and the cloud's refusal.
 */
export const inputProblemCodes = [
  ...validatorProblemCodes,
  'metadataNotObject',
  'metadataEmpty',
  'optionNotPositive',
  'optionMetadataApi',
  'pageSizeInvalid',
  'nameFilterTooLong',
  'statusFilterInvalid',
  'authTypeUnknown',
  'credentialMissing',
  'securityTokenExpiryNotDate',
  'durationOutOfRange',
  'temporaryKeysAuth',
  'temporaryKeysMismatch',
  'regionNotId',
  'regionMissing',
  'projectLookupSignInMissing',
  'projectLookupKeysMissing',
  'projectNotFound',
  'tokenWithoutProject',
  'tokenScopeMissing',
  'catalogNoCompute',
  'agencyUnknown',
  // Refused by the cloud (HTTP 400 and other 4xx that name no other kind); the detail is the status.
  'requestRefused',
] as const;

export type InputProblemCode = (typeof inputProblemCodes)[number];

/** A refused input: the code, and the one fact its message names (the input clipped, a length, a host). */
export interface InputProblem<Code extends InputProblemCode = InputProblemCode> {
  code: Code;
  detail: string;
}
