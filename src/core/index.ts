/** Public entry of the ECS metadata core. Pure Node: never imports `vscode`. */
export { createEcsClient } from './ecsClient';
export { lookupProjectId } from './projectLookup';
export { endpointsForRegion } from './endpoints';
export { destroyAgents } from './agentPool';
export { EcsError, isEcsError } from './errors';
export type { EcsErrorKind, EcsErrorInit } from './errors';
export { redact, redactSecrets } from './redact';
export {
  validateServerId,
  validateMetadataKey,
  validateMetadataValue,
  validateMetadataChanges,
  characterCount,
  MAX_METADATA_VALUE_LENGTH,
  validateProjectId,
  validateEndpoint,
  serverIdProblem,
  metadataKeyProblem,
  projectIdProblem,
  endpointProblem,
  inputProblemMessage,
  inputProblemCodes,
  isLoopbackHost,
} from './validation';
export type { InputProblem, InputProblemCode } from './validation';
export type {
  AkSkAuth,
  PasswordAuth,
  TokenAuth,
  EcsAuth,
  MetadataApi,
  RequestEvent,
  EcsClientOptions,
  CallOptions,
  ListServersOptions,
  ServerSummary,
  ServerPage,
  MetadataRead,
  WriteReceipt,
  EcsClient,
  RegionEndpoints,
  ProjectLookupOptions,
} from './types';
