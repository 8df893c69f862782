/**
 * Percent-encoding shared by the paths we send and the canonical request we sign, so the two can
 * never disagree. The rule is Huawei's (and the official SDK's): keep `A-Z a-z 0-9 - _ . ~`, encode
 * every other byte of the UTF-8 form as upper-case `%XX`.
 */

/** Encodes one path segment or query component by the signing rule. */
export function encodeComponent(text: string): string {
  // encodeURIComponent keeps ! ' ( ) * as well; the signing rule does not.
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Encodes one segment for the wire exactly as the canonical URI encodes it (the API notes: "encode the
 * path you send the same way"), so `app:owner` travels as `app%3Aowner` and a key can never add a
 * segment, a query or a fragment.
 */
export function encodePathSegment(segment: string): string {
  return encodeComponent(segment);
}

/** Decodes `%XX` escapes once; a segment that is not valid percent-encoding stays as it is. */
export function decodeOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The canonical URI of a path as sent: each segment decoded once, then encoded, always ending in `/`. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeComponent(decodeOnce(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

export type QueryParams = readonly (readonly [string, string])[];

/**
 * Query string by the signing rule, keys sorted as the official SDK sorts them (UTF-16 order).
 * Used both on the wire and in the canonical request, so a `+` or a space can never be read two ways.
 */
export function canonicalQuery(params: QueryParams): string {
  return [...params]
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`)
    .join('&');
}
