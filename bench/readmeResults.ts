/**
 * Keeps the "latest numbers" of bench/README.md in step with bench/results.json: the terminal report
 * of the run replaces whatever stands between the two markers. The prose around them is hand-written.
 */
import * as fs from 'node:fs';

export const START = '<!-- bench:results:start -->';
export const END = '<!-- bench:results:end -->';

/** Returns false (and leaves the file alone) when the README lacks the markers. */
export function writeReadmeResults(readme: string, report: string): boolean {
  if (!fs.existsSync(readme)) return false;
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  const block = `${START}\n\n\`\`\`text\n${report.trim()}\n\`\`\`\n\n${END}`;
  fs.writeFileSync(readme, text.slice(0, start) + block + text.slice(end + END.length));
  return true;
}
