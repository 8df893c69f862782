/** A file that could not be read as its format: names the file and, when known, the line. */
export class SourceParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
    this.name = 'SourceParseError';
  }
}
