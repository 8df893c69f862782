import { randomBytes } from 'node:crypto';

/** A CSP nonce from the OS's CSPRNG (never `Math.random`): 16 bytes, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
