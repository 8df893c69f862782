/**
 * `host[:port]` of an IAM endpoint: what a person is shown before a password goes there. Undefined
 * when the endpoint is empty or not a URL.
 */
export function iamHostOf(iamEndpoint: string): string | undefined {
  try {
    return iamEndpoint ? new URL(iamEndpoint).host || undefined : undefined;
  } catch {
    return undefined;
  }
}
