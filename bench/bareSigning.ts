/**
 * Headers for the bare loop: the core's own signer, fed the same headers the core signs for a GET,
 * with a new X-Sdk-Date and signature per request, as any AK/SK client must. Using the core's signer
 * keeps signing cost identical on both sides, so the comparison isolates everything else.
 */
import { formatSdkDate, signRequest } from '../src/core/akskSigner';
import type { HeaderSource } from './bareLoop';

export function akskHeaderSource(
  projectId: string,
  key: { accessKey: string; secretKey: string },
): HeaderSource {
  return (method, url) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Host: url.host,
      'X-Project-Id': projectId,
      'X-Sdk-Date': formatSdkDate(new Date()),
    };
    const query = [...url.searchParams.entries()];
    headers.Authorization = signRequest({ method, path: url.pathname, query, headers }, key);
    return headers;
  };
}
