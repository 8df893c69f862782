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
