/** Fault switches: their defaults, and which one (if any) the next API request uses up. */
import { LOCAL_AGENCY } from './agencies';
import { gatewayError, novaFault } from './errorBodies';
import type { FaultSwitches } from './types';

export function defaultFaults(): FaultSwitches {
  return {
    latencyMs: 0,
    throttle: { count: 0 },
    serverError: { count: 0, status: 503 },
    reset: { count: 0 },
    malformedJson: { count: 0 },
    htmlError: { count: 0 },
    oversizedBody: { count: 0, bytes: 0 },
    novaGone: false,
    hang: { count: 0 },
    failWrites: { count: 0 },
    loseWriteAnswers: { count: 0 },
    silent: false,
    chunked: false,
    gzip: false,
    dropConnections: false,
    stallBody: { count: 0 },
    trickleBody: { count: 0 },
    endlessBody: { count: 0 },
    hostileErrorText: { count: 0 },
    redirect: { count: 0, status: 302, location: '' },
    iamTokenProject: 'scoped',
    iamProjectList: 'filtered',
    iamAgencies: [{ ...LOCAL_AGENCY }],
    iamAgentOperator: true,
  };
}

export type FaultAction =
  | { kind: 'hang' }
  | { kind: 'stallBody' }
  | { kind: 'trickleBody' }
  | { kind: 'endlessBody' }
  | { kind: 'reset' }
  | { kind: 'throttle'; retryAfterSeconds?: number }
  | { kind: 'serverError'; status: 500 | 502 | 503 | 504 }
  | { kind: 'htmlError' }
  | { kind: 'malformedJson' }
  | { kind: 'oversizedBody'; bytes: number }
  | { kind: 'hostileErrorText' }
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; location: string };

/**
 * Uses up one count of the first armed one-shot fault, in a fixed order (the ones that give no
 * answer first), so each request gets at most one fault and tests can arm several at once.
 */
export function takeFault(faults: FaultSwitches): FaultAction | undefined {
  const use = (switch_: { count: number }): boolean => {
    if (!(switch_.count > 0)) return false;
    switch_.count--;
    return true;
  };
  if (faults.silent || use(faults.hang)) return { kind: 'hang' };
  if (use(faults.stallBody)) return { kind: 'stallBody' };
  if (use(faults.trickleBody)) return { kind: 'trickleBody' };
  if (use(faults.endlessBody)) return { kind: 'endlessBody' };
  if (use(faults.reset)) return { kind: 'reset' };
  if (throttleDue(faults.throttle) && use(faults.throttle)) {
    const { retryAfterSeconds } = faults.throttle;
    return retryAfterSeconds === undefined ? { kind: 'throttle' } : { kind: 'throttle', retryAfterSeconds };
  }
  if (use(faults.serverError)) return { kind: 'serverError', status: faults.serverError.status };
  if (use(faults.htmlError)) return { kind: 'htmlError' };
  if (use(faults.malformedJson)) return { kind: 'malformedJson' };
  if (use(faults.oversizedBody)) return { kind: 'oversizedBody', bytes: faults.oversizedBody.bytes };
  if (use(faults.hostileErrorText)) return { kind: 'hostileErrorText' };
  if (use(faults.redirect)) {
    return { kind: 'redirect', status: faults.redirect.status, location: faults.redirect.location };
  }
  return undefined;
}

/** With `every`, whether this request is the n-th one (counted while throttles remain). */
function throttleDue(throttle: FaultSwitches['throttle']): boolean {
  if (!(throttle.count > 0) || throttle.every === undefined) return true;
  throttle.seen = (throttle.seen ?? 0) + 1;
  return throttle.seen % throttle.every === 0;
}

export function throttledBody(requestId: string): object {
  return gatewayError(
    'APIGW.0308',
    'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute',
    requestId,
  );
}

/** Bodies as each layer would send them: Nova for 500/503, the gateway for 502/504. */
export function serverErrorBody(status: 500 | 502 | 503 | 504, requestId: string): object {
  switch (status) {
    case 500:
      return novaFault(
        'computeFault',
        500,
        'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.',
      );
    case 503:
      return novaFault(
        'serviceUnavailable',
        503,
        'The service is temporarily unavailable. Please try again later.',
      );
    case 502:
      return gatewayError('APIGW.0201', 'Bad gateway: the backend service answered badly', requestId);
    case 504:
      return gatewayError(
        'APIGW.0202',
        'Gateway timeout: the backend service did not answer in time',
        requestId,
      );
  }
}

export const HTML_GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A proper prefix of a JSON object is never valid JSON. */
export function truncateJson(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** Valid JSON of exactly `bytes` bytes (at least the 14 of an empty padding). */
export function paddedJson(bytes: number): string {
  const frame = '{"padding":""}';
  return `{"padding":"${'x'.repeat(Math.max(0, bytes - frame.length))}"}`;
}

/** What a hostile or broken gateway might write into the fields clients show and log. */
export function hostileErrorBody(authToken: string | undefined): object {
  return {
    error_code: `APIGW.9999\n${'\u0007\u001b[31m'.repeat(5)}${'X'.repeat(10_000)}`,
    error_msg: `Backend failed \u202etxt.exe\u202c for token ${authToken ?? '(none)'}\r\nsee logs`,
    request_id: 'abc123\n2026-01-01 00:00:00.000 [info] GET /v2.1/forged · 200 · 1 ms\r\n[error] forged line',
  };
}
