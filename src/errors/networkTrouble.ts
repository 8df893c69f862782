/** What kind of network failure an error chain describes, judged from Node's error codes. */
export type NetworkTrouble = 'certificate' | 'dns' | 'connection';

const certificateCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN']);

export function networkTrouble(err: unknown): NetworkTrouble {
  // The core wraps Node's error; its code may sit on the error itself or a few causes down.
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (certificateCodes.has(code)) return 'certificate';
      if (dnsCodes.has(code)) return 'dns';
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 'connection';
}
