/** The limits, User-Agent, listener and clock of a client's requests, with their defaults filled in and checked. */
import { EcsError } from './errors';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type HttpLimits,
} from './httpTransport';
import type { RequestListener } from './requestEvents';
import type { RequestOptions } from './types';

export interface RequestSettings {
  limits: HttpLimits;
  userAgent: string;
  onRequest: RequestListener;
  now: () => Date;
}

export function requestSettings(options: RequestOptions & { maxResponseBytes?: number }): RequestSettings {
  return {
    limits: {
      timeoutMs: positive(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: positive(options.maxResponseBytes, 'maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES,
    },
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    onRequest: options.onRequest,
    now: options.now ?? (() => new Date()),
  };
}

export function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new EcsError('invalidInput', `${name} must be a positive number (it is ${value}).`, {
      problem: { code: 'optionNotPositive', detail: name },
    });
  }
  return value;
}
