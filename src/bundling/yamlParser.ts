/**
 * The second esbuild entry (`dist/yamlParser.js`): the `yaml` package alone, loaded by `loadYaml()`
 * when a feature first needs it, so it stays out of the bundle that activation loads.
 */
export * from 'yaml';
