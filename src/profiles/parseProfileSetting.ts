import * as vscode from 'vscode';
import {
  endpointInputProblem,
  profileNameInputProblem,
  projectIdInputProblem,
  serverIdInputProblem,
} from '../errors/inputProblems';
import { authTypes, type AuthType, type ProfileSetting, type ServerRef } from './profile';
import { regionIdPattern } from './regions';

const knownFields = [
  'name',
  'region',
  'regions',
  'ecsEndpoint',
  'iamEndpoint',
  'projectId',
  'projectName',
  'auth',
  'domain',
  'domainId',
  'user',
  'durationSeconds',
  'sourceProfile',
  'agencyDomain',
  'agencyName',
  'sessionUser',
  'servers',
  'discoverServers',
] as const;
/** The fields whose value is not plain text. */
const otherFields = ['auth', 'regions', 'durationSeconds', 'servers', 'discoverServers'] as const;
/** The fields whose value is text: every known field but the sign-in kind, the lists, the lifetime and the switch. */
type StringField = Exclude<(typeof knownFields)[number], (typeof otherFields)[number]>;
const stringFields = knownFields.filter(
  (field): field is StringField => !(otherFields as readonly string[]).includes(field),
);

export type ParsedProfileSetting = { setting: ProfileSetting } | { problem: string };

/**
 * Checks a profile a script passed against the shape of the `ecsMetadata.profiles` schema (the
 * settings editor checks what people type; nothing checks a command argument): only known fields,
 * the right types, UUID server ids, https endpoints (http to this machine only). The problem is a
 * localized sentence; the setting is a copy holding only the known fields.
 */
export function parseProfileSetting(value: unknown): ParsedProfileSetting {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: vscode.l10n.t('The profile must be an object such as { name, region, auth }.') };
  }
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).find((k) => !(knownFields as readonly string[]).includes(k));
  if (unknown !== undefined) {
    return {
      problem: vscode.l10n.t(
        'The profile has an unknown field "{0}". Known fields: {1}.',
        unknown,
        knownFields.join(', '),
      ),
    };
  }
  for (const field of stringFields) {
    if (input[field] !== undefined && typeof input[field] !== 'string') {
      return { problem: vscode.l10n.t('The profile field "{0}" must be a string.', field) };
    }
  }
  const {
    name,
    region,
    regions,
    ecsEndpoint,
    iamEndpoint,
    projectId,
    projectName,
    auth,
    domain,
    domainId,
    user,
    durationSeconds,
    servers,
    discoverServers,
  } = input as Partial<Record<StringField, string>> & Record<string, unknown>;
  if (!name) return { problem: vscode.l10n.t('The profile needs a non-empty "name".') };
  const nameProblem = profileNameInputProblem(name);
  if (nameProblem) return { problem: nameProblem };
  const sourceProblem = input.sourceProfile
    ? profileNameInputProblem(input.sourceProfile as string)
    : undefined;
  if (sourceProblem)
    return { problem: vscode.l10n.t('The profile field "{0}": {1}', 'sourceProfile', sourceProblem) };
  if (!authTypes.includes(auth as AuthType)) {
    return {
      problem: vscode.l10n.t(
        'The profile field "auth" must be one of {0}.',
        authTypes.map((type) => `"${type}"`).join(', '),
      ),
    };
  }
  if (
    durationSeconds !== undefined &&
    (typeof durationSeconds !== 'number' ||
      !Number.isInteger(durationSeconds) ||
      durationSeconds < 900 ||
      durationSeconds > 86400)
  ) {
    return {
      problem: vscode.l10n.t(
        'The profile field "{0}" must be a whole number from 900 to 86400.',
        'durationSeconds',
      ),
    };
  }
  if (region !== undefined && !regionIdPattern.test(region)) return { problem: notRegionId(region) };
  const parsedRegions = regions === undefined ? undefined : parseRegions(regions);
  if (typeof parsedRegions === 'string') return { problem: parsedRegions };
  for (const [field, url] of [
    ['ecsEndpoint', ecsEndpoint],
    ['iamEndpoint', iamEndpoint],
  ] as const) {
    const problem = url === undefined ? undefined : endpointInputProblem(url);
    if (problem) return { problem: vscode.l10n.t('The profile field "{0}": {1}', field, problem) };
  }
  const projectProblem = projectId ? projectIdInputProblem(projectId) : undefined;
  if (projectProblem) return { problem: projectProblem };
  if (discoverServers !== undefined && typeof discoverServers !== 'boolean') {
    return { problem: vscode.l10n.t('The profile field "{0}" must be true or false.', 'discoverServers') };
  }
  const parsedServers = servers === undefined ? undefined : parseServers(servers, parsedRegions);
  if (typeof parsedServers === 'string') return { problem: parsedServers };

  const setting: ProfileSetting = { name, auth: auth as AuthType };
  if (region !== undefined) setting.region = region;
  if (parsedRegions !== undefined) setting.regions = parsedRegions;
  if (ecsEndpoint !== undefined) setting.ecsEndpoint = ecsEndpoint;
  if (iamEndpoint !== undefined) setting.iamEndpoint = iamEndpoint;
  if (projectId !== undefined) setting.projectId = projectId;
  if (projectName !== undefined) setting.projectName = projectName;
  if (domain !== undefined) setting.domain = domain;
  if (domainId !== undefined) setting.domainId = domainId;
  if (user !== undefined) setting.user = user;
  if (durationSeconds !== undefined) setting.durationSeconds = durationSeconds as number;
  for (const field of ['sourceProfile', 'agencyDomain', 'agencyName', 'sessionUser'] as const) {
    const text = (input as Partial<Record<StringField, string>>)[field];
    if (text !== undefined) setting[field] = text;
  }
  if (parsedServers !== undefined) setting.servers = parsedServers;
  if (discoverServers !== undefined) setting.discoverServers = discoverServers;
  return { setting };
}

function notRegionId(region: string): string {
  return vscode.l10n.t('"{0}" is not a region id. Region ids look like cn-north-4.', region);
}

/** A non-empty list of region ids, each once; or the localized problem. */
function parseRegions(value: unknown): string[] | string {
  if (!Array.isArray(value) || value.length === 0 || value.some((r) => typeof r !== 'string')) {
    return vscode.l10n.t(
      'The profile field "regions" must be a list of region ids such as {0}.',
      '["cn-north-4"]',
    );
  }
  const regions = value as string[];
  const bad = regions.find((r) => !regionIdPattern.test(r));
  if (bad !== undefined) return notRegionId(bad);
  return [...new Set(regions)];
}

/**
 * The servers as refs, or the localized problem with the first one that is not `{ id, name?, region? }`
 * (a region, when given, one of the profile's `regions`).
 */
function parseServers(value: unknown, regions: string[] | undefined): ServerRef[] | string {
  const shape = vscode.l10n.t('The profile field "servers" must be a list of {0}.', '{ id, name?, region? }');
  if (!Array.isArray(value)) return shape;
  const refs: ServerRef[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return shape;
    const { id, name, region, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || typeof id !== 'string') return shape;
    if (name !== undefined && typeof name !== 'string') return shape;
    if (region !== undefined && typeof region !== 'string') return shape;
    const problem = serverIdInputProblem(id);
    if (problem) return problem;
    if (region !== undefined && !regions?.includes(region)) {
      return vscode.l10n.t(
        'Server {0} has the region "{1}", which is not one of the profile\'s "regions".',
        id,
        region,
      );
    }
    refs.push({ id, ...(name ? { name } : {}), ...(region !== undefined ? { region } : {}) });
  }
  return refs;
}
