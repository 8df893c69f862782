/**
 * Certificates for HTTPS tests, made at test time with openssl (no network, nothing checked in): a
 * private CA, as a company would run, and a server certificate it signs for loopback addresses; and a
 * second CA with its own server certificate that nobody trusts, for the "cannot verify" case.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TestCertificates {
  dir: string;
  /** The private CA's certificate (PEM) and the file holding it, for NODE_EXTRA_CA_CERTS. */
  caCert: string;
  caFile: string;
  /** A server certificate signed by the private CA for 127.0.0.1–127.0.0.3, and its key. */
  server: { key: string; cert: string };
  /** A server certificate for the same addresses signed by a CA no one trusts, and its key. */
  untrusted: { key: string; cert: string };
}

const FILES = {
  caCert: 'private-ca.pem',
  serverKey: 'server.key',
  serverCert: 'server.pem',
  untrustedKey: 'untrusted.key',
  untrustedCert: 'untrusted.pem',
};

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

/** A CA (`name.key`, `name.pem`) and a server certificate it signs (`serverKey`, `serverCert`). */
function makeChain(dir: string, name: string, subject: string, serverKey: string, serverCert: string): void {
  openssl(dir, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${subject}`,
    '-keyout', `${name}.key`, '-out', `${name}.pem`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  fs.writeFileSync(
    path.join(dir, `${name}.ext`),
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' +
      'subjectAltName=IP:127.0.0.1,IP:127.0.0.2,IP:127.0.0.3,DNS:localhost\n',
  );
  openssl(dir, [
    'req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.2', '-keyout', serverKey, '-out', `${name}.csr`,
  ]); // prettier-ignore
  openssl(dir, [
    'x509', '-req', '-in', `${name}.csr`, '-CA', `${name}.pem`, '-CAkey', `${name}.key`, '-CAcreateserial',
    '-days', '2', '-extfile', `${name}.ext`, '-out', serverCert,
  ]); // prettier-ignore
}

/** Makes the certificates in `dir` (created if needed); throws when openssl is missing. */
export function makeTestCertificates(dir: string): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  makeChain(dir, 'private-ca', 'ECS Metadata Explorer test CA', FILES.serverKey, FILES.serverCert);
  makeChain(dir, 'untrusted-ca', 'Untrusted test CA', FILES.untrustedKey, FILES.untrustedCert);
  return readTestCertificates(dir);
}

/** The certificates made earlier in `dir` (e.g. by the runner, read by the suite inside VS Code). */
export function readTestCertificates(dir: string): TestCertificates {
  const read = (file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
  return {
    dir,
    caCert: read(FILES.caCert),
    caFile: path.join(dir, FILES.caCert),
    server: { key: read(FILES.serverKey), cert: read(FILES.serverCert) },
    untrusted: { key: read(FILES.untrustedKey), cert: read(FILES.untrustedCert) },
  };
}
