/**
 * The YAML parser, loaded on first use rather than with the extension: about 110 KiB of the bundle
 * that only Import needs. `./yamlParser.js` sits beside this module under `tsc` (out/) and beside
 * `dist/extension.js` in the bundle, where esbuild leaves the require alone (`--external`).
 */
import type * as Yaml from 'yaml';

export type YamlModule = typeof Yaml;

let yaml: YamlModule | undefined;

export function loadYaml(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('./yamlParser.js') as YamlModule;
  return yaml;
}
