/**
 * The one error type of the core: a kind to branch on, the facts support asks for, and the facts
 * that belong to its kind alone. Narrowing on `kind` (or `isEcsError(err, kind)`) gives that kind's
 * facts; a fact another kind owns is a compile error when constructing or reading.
 */
import type { InputProblem } from './inputProblem';

/**
 * What belongs to each kind, besides the facts every kind carries (`EcsErrorFacts`).
 * The kinds are this map's keys, so a new kind cannot be added without saying what it carries.
 */
export interface EcsErrorDetails {
  invalidInput: {
    /** Which rule refused what, as a code (refused before sending, or by the cloud). */
    problem: InputProblem;
    /** An agency that IAM does not know in the delegating account. */
    agency?: AgencyProblem;
  };
  auth: {
    /** Temporary credentials (a security token) past their expiry, known or as the cloud said. */
    expired?: boolean;
    /** On a signed request: what the gateway refused, when its answer says. */
    refused?: SignatureRefusal;
  };
  forbidden: {
    /** The IAM permission the refused call needs, e.g. `ecs:servers:getMetadata`. */
    permission?: string;
    /** An agency the caller may not assume: it lacks the Agent Operator role in the delegating account. */
    agency?: AgencyProblem;
  };
  keyNotFound: NoDetails;
  serverNotFound: NoDetails;
  throttled: NoDetails;
  /** 409: the server is busy with a task (resize, migration, build). */
  conflict: {
    /** The server's task or VM state, e.g. `resize_migrating`, when the answer names it. */
    taskState?: string;
  };
  /** 403/413 "Quota exceeded for metadata_items". */
  quota: {
    /** The metadata keys the server has now, when known. */
    keyCount?: number;
    /** The most keys the server may have, when known. */
    keyQuota?: number;
  };
  server: NoDetails;
  network: NoDetails;
  timeout: NoDetails;
  badResponse: NoDetails;
  cancelled: NoDetails;
}

/** A kind that carries nothing of its own (`{}` would accept any object, so it is spelled out). */
type NoDetails = Record<never, never>;

export type EcsErrorKind = keyof EcsErrorDetails;

/** What every kind may carry. */
export interface EcsErrorFacts {
  status?: number;
  code?: string;
  requestId?: string;
  /** What the service said, already redacted; for debug logs. */
  serverMessage?: string;
  cause?: unknown;
}

/** What constructing an error of kind `K` may be given: the common facts and that kind's own. */
export type EcsErrorInit<K extends EcsErrorKind = EcsErrorKind> = EcsErrorFacts & EcsErrorDetails[K];

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

/** An error of one kind, before the union is made. */
type EcsErrorOfKind<K extends EcsErrorKind> = Error & {
  readonly kind: K;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly serverMessage?: string;
} & Readonly<EcsErrorDetails[K]>;

/**
 * An error of the core. `EcsError` alone is the union of every kind, so `switch (err.kind)` narrows
 * to that kind's facts; `EcsError<'quota'>` is one kind.
 */
export type EcsError<K extends EcsErrorKind = EcsErrorKind> = K extends EcsErrorKind
  ? EcsErrorOfKind<K>
  : never;

/** The kinds whose own facts are all optional, so the facts may be left out. */
type KindWithoutRequiredDetails = {
  [K in EcsErrorKind]: Record<never, never> extends EcsErrorDetails[K] ? K : never;
}[EcsErrorKind];

export interface EcsErrorConstructor {
  new <K extends KindWithoutRequiredDetails>(kind: K, message: string, init?: EcsErrorInit<K>): EcsError<K>;
  new <K extends EcsErrorKind>(kind: K, message: string, init: EcsErrorInit<K>): EcsError<K>;
  /** So `instanceof EcsError` narrows to the union of kinds. */
  readonly prototype: EcsError;
}

const EcsErrorClass = class EcsError extends Error {
  readonly kind: EcsErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly serverMessage?: string;

  constructor(kind: EcsErrorKind, message: string, init: EcsErrorInit = {} as EcsErrorInit) {
    super(message);
    this.name = 'EcsError';
    this.kind = kind;
    const { cause, ...facts } = init;
    // Only the facts given become properties: a kind's own facts are absent on every other kind.
    for (const [name, value] of Object.entries(facts)) {
      if (value !== undefined) (this as unknown as Record<string, unknown>)[name] = value;
    }
    // The cause may carry request objects with secret headers: keep it, but not enumerable.
    if (cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: cause, enumerable: false, writable: true });
    }
  }
};

export const EcsError = EcsErrorClass as unknown as EcsErrorConstructor;

/** True for an error of the core; with a kind, true only for that kind, whose facts it then gives. */
export function isEcsError(value: unknown): value is EcsError;
export function isEcsError<K extends EcsErrorKind>(value: unknown, kind: K): value is EcsError<K>;
export function isEcsError(value: unknown, kind?: EcsErrorKind): boolean {
  return value instanceof EcsError && (kind === undefined || value.kind === kind);
}
