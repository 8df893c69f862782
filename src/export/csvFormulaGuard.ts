/**
 * Keeps a CSV cell from being run as a formula when the file is opened in a spreadsheet (CSV
 * injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, so a spreadsheet shows the cell as text instead of running it. A plain number such as
 * `-1` or `+3.5` is left as it is: a spreadsheet reads it as that number, and no formula hides in it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function csvFormulaGuard(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
