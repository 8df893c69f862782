/**
 * Where OpenStack tools look for `clouds.yaml`, in their order: `$OS_CLIENT_CONFIG_FILE`, the current
 * folder, `~/.config/openstack`, `/etc/openstack`. OpenStack's tools take the first that exists; Import
 * lists every one (so a repository's file cannot hide the user's own), and skips the workspace folder
 * when the workspace is not trusted. `secure.yaml` is read from beside each one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from './cloudsYaml';
import { SourceParseError } from './sourceParseError';

export interface LookupPlaces {
  env: Readonly<Record<string, string | undefined>>;
  /** The workspace folder (OpenStack's "current folder"). */
  cwd?: string;
  home: string;
  /**
   * False in an untrusted workspace (Restricted Mode): the workspace folder's clouds.yaml is not
   * read, only named as skipped. Default: trusted (scripts and tests name their folder themselves).
   */
  cwdTrusted?: boolean;
}

/** A clouds.yaml present on this machine, and whether it lies in the workspace folder. */
export interface CloudsYamlPlace {
  file: string;
  inWorkspace: boolean;
}

/** Source files are small; anything larger is not read (1 MiB). */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export function cloudsYamlCandidates(places: LookupPlaces): string[] {
  return candidatePlaces(places).map((p) => p.file);
}

function candidatePlaces(places: LookupPlaces): CloudsYamlPlace[] {
  const inDir = (dir: string, inWorkspace: boolean): CloudsYamlPlace[] =>
    ['clouds.yaml', 'clouds.yml'].map((name) => ({ file: path.join(dir, name), inWorkspace }));
  return [
    ...(places.env.OS_CLIENT_CONFIG_FILE
      ? [{ file: places.env.OS_CLIENT_CONFIG_FILE, inWorkspace: false }]
      : []),
    ...(places.cwd ? inDir(places.cwd, true) : []),
    ...inDir(path.join(places.home, '.config', 'openstack'), false),
    ...inDir('/etc/openstack', false),
  ];
}

/** The first file present, as OpenStack's tools pick it. */
export function findCloudsYaml(places: LookupPlaces): string | undefined {
  return cloudsYamlCandidates(places).find((file) => isFile(file));
}

/** Every clouds.yaml present, in lookup order; one file reached by two names is listed once. */
export function findEveryCloudsYaml(places: LookupPlaces): CloudsYamlPlace[] {
  const seen = new Set<string>();
  return candidatePlaces(places).filter((place) => {
    if (!isFile(place.file)) return false;
    const real = realPath(place.file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/**
 * The file and its `secure.yaml` (when present) as text. A `secure.yaml` that is a link is followed
 * only to a file in the same folder as the clouds.yaml it completes: a repository's link to the
 * user's own secure.yaml would otherwise merge their passwords into the repository's clouds.
 */
export function readCloudsYaml(file: string): { file: SourceFile; secure?: SourceFile } {
  const text = readSourceText(file);
  const dir = path.dirname(file);
  const securePath = [path.join(dir, 'secure.yaml'), path.join(dir, 'secure.yml')].find(isFile);
  if (securePath && path.dirname(realPath(securePath)) !== path.dirname(realPath(file))) {
    throw new SourceParseError(securePath, undefined, {
      code: 'linkElsewhere',
      detail: realPath(securePath),
    });
  }
  return {
    file: { path: file, text },
    ...(securePath ? { secure: { path: securePath, text: readSourceText(securePath) } } : {}),
  };
}

/** A source file's text, refused past MAX_SOURCE_BYTES (checked on the file opened, then while reading). */
export function readSourceText(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.fstatSync(fd).size > MAX_SOURCE_BYTES) throw tooLarge(file);
    const buffer = Buffer.alloc(MAX_SOURCE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_SOURCE_BYTES) throw tooLarge(file);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(file: string): SourceParseError {
  return new SourceParseError(file, undefined, { code: 'tooLarge' });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
