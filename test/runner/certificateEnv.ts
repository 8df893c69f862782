/**
 * The private CA of the HTTPS suites, made before code-server starts (the extension host reads
 * NODE_EXTRA_CA_CERTS only from its environment): its file as NODE_EXTRA_CA_CERTS, and the folder as
 * ECS_TEST_CERTIFICATES so the suite inside VS Code can serve HTTPS with the same certificates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeTestCertificates } from '../ecs-server/testCertificates';
import { onTeardown } from './teardown';

export const CERTIFICATES_ENV = 'ECS_TEST_CERTIFICATES';

/** The environment for code-server; empty (the HTTPS suites then skip) when openssl is missing. */
export function certificateEnv(): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-certs-'));
  onTeardown(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const certs = makeTestCertificates(dir);
    return { NODE_EXTRA_CA_CERTS: certs.caFile, [CERTIFICATES_ENV]: dir };
  } catch (err) {
    console.warn(`No test certificates (is openssl installed?): ${(err as Error).message}`);
    return {};
  }
}
