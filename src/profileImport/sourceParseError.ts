/**
 * Why a file could not be read as its format, as a code: the VS Code layer says it in the user's
 * language (profiles/importedProfile.ts).
 */
export type SourceProblem =
  /** The YAML library refused the text; `detail` is its error code, such as BAD_INDENT. */
  | { code: 'yamlSyntax'; detail: string }
  /** A clouds.yaml whose top level is not a mapping. */
  | { code: 'notCloudsFile' }
  | { code: 'cloudsNotMapping' }
  | { code: 'jsonSyntax' }
  /** A JSON file without the `profiles` list of a KooCLI config.json. */
  | { code: 'noProfilesList' }
  | { code: 'fileMissing' }
  /** Any other read failure; `detail` is the system's error code, such as EACCES. */
  | { code: 'unreadable'; detail: string };

/** A file that could not be read as its format: names the file and, when known, the line. */
export class SourceParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: SourceProblem,
  ) {
    const text = 'detail' in problem ? `${problem.code} (${problem.detail})` : problem.code;
    super(line === undefined ? `${file}: ${text}` : `${file}, line ${line}: ${text}`);
    this.name = 'SourceParseError';
  }
}
