/**
 * The CAs of the PEM file `NODE_EXTRA_CA_CERTS` names, with Node's bundled roots, as the `ca` of the
 * extension's https agents. Node itself adds that file to its roots, but inside VS Code (default
 * `http.systemCertificates: true`) every request without a `ca` of its own is given VS Code's list
 * (bundled roots and the OS store) instead, so the variable would be ignored; VS Code keeps a `ca`
 * the extension's agent carries. The cost: with the variable set, the OS store is not consulted.
 */
import * as fs from 'node:fs';
import * as tls from 'node:tls';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

let loaded: { file: string | undefined; ca: string[] | undefined } | undefined;

/**
 * Node's roots plus the file's certificates; undefined when the variable is unset or its file holds
 * no certificate or cannot be read (Node then warns at start and uses its roots alone, and so do we).
 */
export function trustedCaCertificates(): string[] | undefined {
  const file = process.env.NODE_EXTRA_CA_CERTS || undefined;
  if (loaded === undefined || loaded.file !== file) loaded = { file, ca: file ? read(file) : undefined };
  return loaded.ca;
}

function read(file: string): string[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const extra = text.match(PEM_CERTIFICATE);
  return extra ? [...tls.rootCertificates, ...extra] : undefined;
}
