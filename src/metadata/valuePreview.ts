import { settings } from '../settings/settings';

/** One line, bounded length: values may be long JSON or contain line breaks. */
export function valuePreview(value: string, maxLength: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** What stands for a value while `ecsMetadata.maskValues` is on. */
export const MASKED_VALUE = '••••••';

/** A key's preview in the tree and the key picker: the value shortened, or the mask while values are masked. */
export function keyPreview(value: string, maxLength: number): string {
  return settings.maskValues() ? MASKED_VALUE : valuePreview(value, maxLength);
}
