/**
 * Keeps a CSV cell from being run as a formula when the file is opened in a spreadsheet (CSV
 * injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, so a spreadsheet shows the cell as text instead of running it. A spreadsheet that
 * splits on `;` or tab (or ignores quotes) starts a cell after any `,`, `;`, tab or line break inside
 * the value too, so each such piece that starts with `=`, `+`, `-` or `@` gets its `'` as well
 * (`x;=cmd` → `x;'=cmd`). A whole cell that is a plain number such as `-1` or `+3.5` is left as it
 * is: a spreadsheet reads it as that number, and no formula hides in it. A piece is guarded even when
 * it looks like a number: where the spreadsheet's cell ends is not where the piece ends (`1;-2` read
 * split at `;` runs on past the closing quote into the next value).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A formula start just after a character some spreadsheet starts a cell at. */
const FORMULA_AFTER_SEPARATOR = /(?<=[,;\t\r\n])(?=[=+\-@])/g;

export function csvFormulaGuard(cell: string): string {
  const pieces = cell.replace(FORMULA_AFTER_SEPARATOR, "'");
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${pieces}` : pieces;
}
