/**
 * The "Local sample" profile that points the extension at a local ECS-compatible server — the
 * one `npm start` opens and the end-to-end walk drives. The profile (no secrets) goes to
 * settings; the matching credentials go through the seeder into SecretStorage.
 */
import * as path from 'node:path';
import { loadSeed } from '../ecs-server/seed';
import type { SeedServer } from '../ecs-server/types';
import type { CredentialSeed } from './credentialSeeder';
import { repoRoot } from './paths';

export const sampleProfileName = 'Local sample';

export const sampleSeedFile = path.join(repoRoot, 'test', 'ecs-server', 'sample-servers.json');

/** The workspace `npm start` and the walk open: its `.vscode/ecs-metadata-policy.json` some sample servers break. */
export const sampleWorkspace = path.join(repoRoot, 'test', 'fixtures', 'sample-workspace');

export type SampleServer = SeedServer;

export function readSampleServers(seedFile: string = sampleSeedFile): SampleServer[] {
  return loadSeed(seedFile).servers;
}

/** What the sample profile needs from a running server (a subset of its handle). */
export interface LocalEcsServer {
  url: string;
  projectId: string;
  region: string;
  credentials: { accessKey: string; secretKey: string };
}

export function sampleProfile(server: LocalEcsServer, servers: SampleServer[]): Record<string, unknown> {
  return {
    name: sampleProfileName,
    ecsEndpoint: server.url,
    iamEndpoint: server.url,
    projectId: server.projectId,
    region: server.region,
    auth: 'aksk',
    servers: servers.slice(0, 2).map(({ id, name }) => ({ id, name })),
    discoverServers: true,
  };
}

export function sampleSettings(server: LocalEcsServer, servers: SampleServer[]): Record<string, unknown> {
  return { 'ecsMetadata.profiles': [sampleProfile(server, servers)] };
}

export function sampleCredentials(server: LocalEcsServer): CredentialSeed {
  const { accessKey, secretKey } = server.credentials;
  return { profile: sampleProfileName, credentials: { accessKey, secretKey } };
}
