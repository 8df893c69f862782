/** A plain-text table for the terminal: first column left-aligned, figures right-aligned. */

export type Cell = string | number | undefined;

export function formatNumber(value: number | undefined, digits = 2): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}

function text(cell: Cell): string {
  if (cell === undefined) return '–';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

export function renderTable(title: string, headers: readonly string[], rows: readonly Cell[][]): string {
  const cells = [headers.map(text), ...rows.map((row) => row.map(text))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`\n${title}`, line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
