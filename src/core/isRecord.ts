/** A JSON object (or any plain record): not null, not an array. The one such check of the project. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
