/** Public entry of the ECS metadata core. Pure Node: never imports `vscode`. */
export { createEcsClient } from './ecsClient';
export { createTemporaryKeys } from './createTemporaryKeys';
export { lookupProjectId } from './projectLookup';
export { lookupProjectIdWithKeys } from './keyProjectLookup';
export { discoverComputeEndpoint } from './endpointDiscovery';
export { computeEndpointFromCatalog } from './serviceCatalog';
export { endpointsForRegion } from './endpoints';
export { forEachServerPage, PagingGuard, MAX_PAGES_PER_LOAD } from './serverPaging';
export type { PagingStop, AcceptedPage, ServerWalkOptions } from './serverPaging';
export { serverPages, MAX_SERVER_PAGE } from './serverPages';
export { destroyAgents } from './agentPool';
export { parseCachedToken } from './tokenCache';
export type { KeptSecret } from './keptSecret';
export type { CachedToken, TokenCache } from './tokenCache';
export { parseCachedTemporaryKey } from './temporaryKeyCache';
export type { CachedTemporaryKey, TemporaryKeyCache } from './temporaryKeyCache';
export { EcsError, isEcsError } from './errors';
export { isRecord } from './isRecord';
export { cancelledError, sleep } from './retryPolicy';
export type { AgencyProblem, EcsErrorKind, EcsErrorInit, SignatureRefusal } from './errors';
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
  profileNameProblem,
  endpointProblem,
  inputProblemMessage,
  isLoopbackHost,
} from './validation';
export { inputProblemCodes, validatorProblemCodes } from './inputProblem';
export type { InputProblem, InputProblemCode, ValidatorProblemCode } from './inputProblem';
export type {
  AkSkAuth,
  PasswordAuth,
  TokenAuth,
  TemporaryAuth,
  TemporaryPasswordAuth,
  TemporaryKeyAuth,
  AgencyAuth,
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
  RequestOptions,
  RegionEndpoints,
  ProjectLookupOptions,
  KeyProjectLookupOptions,
  TemporaryKeys,
  TemporaryKeysOptions,
  EndpointDiscoveryOptions,
  DiscoveredEndpoint,
} from './types';
export { normalizeEndpoint, otherServicePath } from './endpointForm';
export type { EndpointService, EndpointTrim, NormalizedEndpoint } from './endpointForm';
export {
  serverLabel,
  objectShape,
  argumentsExpected,
  isArgumentProblem,
  ArgumentFields,
  serverArguments,
  keyArguments,
  profileArguments,
} from './scriptArguments';
export type { ServerTarget, KeyTarget, ScriptShape } from './scriptArguments';
