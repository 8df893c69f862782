/** Servers a bulk change writes at once: below the transport's per-origin connection limit (16). */
export const BULK_CONCURRENCY = 8;
