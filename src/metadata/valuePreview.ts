/** One line, bounded length: values may be long JSON or contain line breaks. */
export function valuePreview(value: string, maxLength: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
