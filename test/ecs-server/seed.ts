/** Loading and checking the JSON seed that fills the server with a project and its servers. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SeedData, SeedRegion, SeedServer } from './types';

const SAMPLE_RELATIVE = path.join('test', 'ecs-server', 'sample-servers.json');

/**
 * The sample seed of the package. Found by walking up from this file, because it runs both from
 * `out/test/ecs-server/` (compiled) and from the sources, and the JSON is not copied into `out/`.
 */
export function defaultSeedPath(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, SAMPLE_RELATIVE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`ECS server: cannot find ${SAMPLE_RELATIVE} above ${__dirname}`);
    dir = parent;
  }
}

export function loadSeed(seed: string | SeedData | undefined): SeedData {
  if (seed !== undefined && typeof seed !== 'string') return validateSeed(seed, 'the seed object');
  const file = seed ?? defaultSeedPath();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`ECS server: cannot read seed ${file}: ${(err as Error).message}`);
  }
  return validateSeed(parsed, file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects a seed the routes could not serve faithfully, naming where it is wrong. */
export function validateSeed(value: unknown, source: string): SeedData {
  const fail = (what: string): never => {
    throw new Error(`ECS server: invalid seed (${source}): ${what}`);
  };
  if (!isRecord(value)) return fail('not a JSON object');
  const seen = new Set<string>();
  const first = validateRegion(value, '', seen, fail);
  const { otherRegions } = value;
  if (otherRegions === undefined) return first;
  if (!Array.isArray(otherRegions)) return fail('otherRegions must be an array');
  const others = otherRegions.map((other: unknown, i) =>
    isRecord(other)
      ? validateRegion(other, `otherRegions[${i}].`, seen, fail)
      : fail(`otherRegions[${i}] is not an object`),
  );
  const all = [first, ...others];
  for (const [i, r] of all.entries()) {
    if (all.findIndex((o) => o.region === r.region || o.projectId === r.projectId) !== i)
      fail(`region ${r.region} repeats another region's name or project id`);
  }
  return { ...first, otherRegions: others };
}

/** One region's project and servers; server ids are unique across every region (`seen`). */
function validateRegion(
  value: Record<string, unknown>,
  at: string,
  seen: Set<string>,
  fail: (what: string) => never,
): SeedRegion {
  const { projectId, region, servers } = value;
  if (typeof projectId !== 'string' || !/^[0-9a-f]{32}$/.test(projectId))
    fail(`${at}projectId must be 32 hex digits`);
  if (typeof region !== 'string' || region === '') fail(`${at}region must be a non-empty string`);
  if (!Array.isArray(servers)) return fail(`${at}servers must be an array`);
  const checked: SeedServer[] = servers.map((server: unknown, i): SeedServer => {
    if (!isRecord(server)) return fail(`${at}servers[${i}] is not an object`);
    const { id, name, status, metadata } = server;
    if (typeof id !== 'string' || id === '') return fail(`${at}servers[${i}].id must be a non-empty string`);
    if (seen.has(id)) fail(`${at}servers[${i}].id ${id} is a duplicate`);
    seen.add(id);
    if (typeof name !== 'string') return fail(`${at}servers[${i}].name must be a string`);
    if (typeof status !== 'string') return fail(`${at}servers[${i}].status must be a string`);
    if (!isRecord(metadata)) return fail(`${at}servers[${i}].metadata must be an object`);
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== 'string') fail(`${at}servers[${i}].metadata.${k} must be a string`);
    }
    return { id, name, status, metadata: { ...(metadata as Record<string, string>) } };
  });
  return { projectId: projectId as string, region: region as string, servers: checked };
}
