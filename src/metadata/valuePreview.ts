import * as vscode from 'vscode';

/** One line, bounded length: values may be long JSON or contain line breaks. */
export function valuePreview(value: string, maxLength: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** The `ecsMetadata.hideValuePreviews` setting: values stay out of lists shown to onlookers. */
export function hideValuePreviews(): boolean {
  return vscode.workspace.getConfiguration('ecsMetadata').get<boolean>('hideValuePreviews', false);
}

/** What stands for a value while `ecsMetadata.maskValues` is on. */
export const MASKED_VALUE = '••••••';

/** The `ecsMetadata.maskValues` setting: previews and the panel show MASKED_VALUE (screen sharing). */
export function maskValues(): boolean {
  return vscode.workspace.getConfiguration('ecsMetadata').get<boolean>('maskValues', false);
}

/** A key's description in the tree: the preview, or the mask while values are masked. */
export function keyPreview(value: string, maxLength: number): string {
  return maskValues() ? MASKED_VALUE : valuePreview(value, maxLength);
}
