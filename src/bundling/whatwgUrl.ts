/**
 * Stands in for the `whatwg-url` package in the bundle. node-fetch@2 uses it only where Node has no
 * global URL (`Url.URL || whatwgUrl.URL`), which never happens on the Node of any VS Code we support;
 * without this alias its IDNA table alone would be two thirds of the bundle.
 */
export { URL } from 'node:url';
