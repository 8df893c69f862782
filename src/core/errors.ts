/** The one error type of the core: a kind to branch on, and the facts support asks for. */
import type { InputProblem } from './inputProblem';

export type EcsErrorKind =
  | 'invalidInput'
  | 'auth'
  | 'forbidden'
  | 'keyNotFound'
  | 'serverNotFound'
  | 'throttled'
  /** 409: the server is busy with a task (resize, migration, build); `taskState` names it when known. */
  | 'conflict'
  /** 403/413 "Quota exceeded for metadata_items": `keyCount` and `keyQuota` say how many keys it has and may have. */
  | 'quota'
  | 'server'
  | 'network'
  | 'timeout'
  | 'badResponse'
  | 'cancelled';

export interface EcsErrorInit {
  status?: number;
  code?: string;
  requestId?: string;
  /** What the service said, already redacted; for debug logs. */
  serverMessage?: string;
  /** For `forbidden`: the IAM permission the refused call needs, e.g. `ecs:servers:getMetadata`. */
  permission?: string;
  /** For `conflict`: the server's task or VM state, e.g. `resize_migrating`, when the answer names it. */
  taskState?: string;
  /** For `quota`: the metadata keys the server has now, when known. */
  keyCount?: number;
  /** For `quota`: the most keys the server may have, when known. */
  keyQuota?: number;
  /** For `invalidInput` refused before sending: which rule refused what, as a code. */
  problem?: InputProblem;
  /** For `auth`: temporary credentials (a security token) past their expiry, known or as the cloud said. */
  expired?: boolean;
  /** An agency (assume role) refused: the caller lacks the Agent Operator role, or there is no such agency. */
  agency?: AgencyProblem;
  /** For `auth` on a signed request: what the gateway refused, when its answer says. */
  refused?: SignatureRefusal;
  cause?: unknown;
}

/**
 * What the API gateway refused of an AK/SK-signed request (APIGW.0301 and its message): the access
 * key itself (unknown or not active), or the signature (an SK that does not belong to the AK).
 */
export type SignatureRefusal = 'accessKey' | 'signature';

export interface AgencyProblem {
  /** `noAgentOperator`: the caller lacks the Agent Operator role in the delegating account; `unknownAgency`: no such agency there. */
  problem: 'noAgentOperator' | 'unknownAgency';
  agencyName: string;
  /** The delegating account as configured (name or id). */
  agencyDomain: string;
}

export class EcsError extends Error {
  readonly kind: EcsErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly serverMessage?: string;
  readonly permission?: string;
  readonly taskState?: string;
  readonly keyCount?: number;
  readonly keyQuota?: number;
  readonly problem?: InputProblem;
  readonly expired?: boolean;
  readonly agency?: AgencyProblem;
  readonly refused?: SignatureRefusal;

  constructor(kind: EcsErrorKind, message: string, init: EcsErrorInit = {}) {
    super(message);
    this.name = 'EcsError';
    this.kind = kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
    if (init.permission !== undefined) this.permission = init.permission;
    if (init.taskState !== undefined) this.taskState = init.taskState;
    if (init.keyCount !== undefined) this.keyCount = init.keyCount;
    if (init.keyQuota !== undefined) this.keyQuota = init.keyQuota;
    if (init.problem !== undefined) this.problem = init.problem;
    if (init.expired !== undefined) this.expired = init.expired;
    if (init.agency !== undefined) this.agency = init.agency;
    if (init.refused !== undefined) this.refused = init.refused;
    // The cause may carry request objects with secret headers: keep it, but not enumerable.
    if (init.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: init.cause, enumerable: false, writable: true });
    }
  }
}

export function isEcsError(value: unknown): value is EcsError {
  return value instanceof EcsError;
}
