/**
 * Where OpenStack tools look for `clouds.yaml`, in their order: `$OS_CLIENT_CONFIG_FILE`, the current
 * folder, `~/.config/openstack`, `/etc/openstack`. The first that exists wins; `secure.yaml` is read
 * from beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from './cloudsYaml';

export interface LookupPlaces {
  env: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  home: string;
}

export function cloudsYamlCandidates(places: LookupPlaces): string[] {
  const dirs = [
    ...(places.cwd ? [places.cwd] : []),
    path.join(places.home, '.config', 'openstack'),
    '/etc/openstack',
  ];
  return [
    ...(places.env.OS_CLIENT_CONFIG_FILE ? [places.env.OS_CLIENT_CONFIG_FILE] : []),
    ...dirs.flatMap((dir) => [path.join(dir, 'clouds.yaml'), path.join(dir, 'clouds.yml')]),
  ];
}

export function findCloudsYaml(places: LookupPlaces): string | undefined {
  return cloudsYamlCandidates(places).find((file) => isFile(file));
}

/** The file and its `secure.yaml` (when present) as text. */
export function readCloudsYaml(file: string): { file: SourceFile; secure?: SourceFile } {
  const text = fs.readFileSync(file, 'utf8');
  const dir = path.dirname(file);
  const securePath = [path.join(dir, 'secure.yaml'), path.join(dir, 'secure.yml')].find(isFile);
  return {
    file: { path: file, text },
    ...(securePath ? { secure: { path: securePath, text: fs.readFileSync(securePath, 'utf8') } } : {}),
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
