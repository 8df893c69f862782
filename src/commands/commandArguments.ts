/**
 * Every command a script may call with an argument, declared once: its id, the shape of the
 * argument (how a refusal writes it, and its parser), and the old ids that still run it. No
 * `vscode` import: plain-Node tests parse each shape. `registerDeclared` registers a declaration.
 */
import type { BulkRequest } from '../bulk/bulkPlan';
import {
  argumentsExpected,
  type ArgumentFields,
  keyArguments,
  objectShape,
  profileArguments,
  serverArguments,
  type KeyTarget,
  type ScriptShape,
  type ServerTarget,
} from '../core';
import { isRecord } from '../core';
import { CommandId } from '../commandBase/commandIds';
import { parseCredentials, type Credentials } from '../credentials/credentials';

/** An old id that runs the command; `defaults` are fields a script's argument gets unless it sets them. */
export interface CommandAlias {
  readonly id: CommandId;
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/** A command's id, the argument a script passes it, and its aliases. */
export interface DeclaredCommand<T> {
  readonly id: CommandId;
  readonly shape: ScriptShape<T>;
  readonly aliases: readonly CommandAlias[];
}

export function declareCommand<T>(
  id: CommandId,
  shape: ScriptShape<T>,
  aliases: readonly CommandAlias[] = [],
): DeclaredCommand<T> {
  return { id, shape, aliases };
}

/** A key to read, and whether the panel shows it too. */
export interface GetKeyArguments {
  target: KeyTarget;
  show: boolean;
}

/** A write of one key; `allowProtected` lets a script change a protected (system) key after the modal. */
export interface KeyWriteArguments {
  target: KeyTarget;
  allowProtected: boolean;
}

export interface SetValueArguments extends KeyWriteArguments {
  value: string;
}

export interface ServerWriteArguments {
  target: ServerTarget;
  allowProtected: boolean;
}

export interface FindArguments {
  query: string;
  profile?: string;
  region?: string;
  showInView: boolean;
}

export type ExportSource = { kind: 'profile'; profile: string } | { kind: 'find'; profile?: string };

export interface ExportArguments {
  source: ExportSource;
  format: 'json' | 'csv';
  path: string;
}

/** A bulk change: the servers a query finds (or the servers named), and what to set and remove. */
export interface BulkEditArguments {
  query?: string;
  profile?: string;
  region?: string;
  servers?: { profile: string; region?: string; serverId: string }[];
  request: BulkRequest;
  dryRun: boolean;
  allowProtected: boolean;
}

/** Credentials to store for a profile; without them the person is asked, as from the tree. */
export interface SetCredentialsArguments {
  profile: string;
  credentials?: Credentials;
}

/**
 * A server to pin to a profile: the one named, or (without `server`) the person picks one of the
 * project's servers, or types an id with `byId`. `region` is where to look, in a profile of several.
 */
export interface AddServerArguments {
  profile: string;
  region?: string;
  server?: ServerTarget;
  byId: boolean;
}

/** A server to unpin; without `serverId` the person picks one of the profile's servers. */
export interface RemoveServerArguments {
  profile: string;
  serverId?: string;
}

/** Where Import reads profiles from, without prompts. */
export type ImportArguments =
  | { source: 'cloudsYaml'; path: string; clouds?: string[] }
  | { source: 'env'; env: Record<string, string> }
  | { source: 'koocli'; path: string; profiles?: string[] };

/**
 * A profile as written in the `ecsMetadata.profiles` setting (its fields are checked by the
 * setting's own rules when it is added), and its credentials (none for an agency profile).
 */
export interface AddProfileArguments {
  profile: Record<string, unknown>;
  credentials?: Credentials;
}

export interface CheckPolicyArguments {
  profile?: string;
  region?: string;
  /** A policy object in the file's shape; the policy file when left out. */
  policy?: Record<string, unknown>;
  /** Show the check in the Servers view instead of resolving to the breaches. */
  showInView: boolean;
}

/** The scripted commands, by name: each one's id, argument shape and old ids. */
export const scriptCommands = {
  getMetadataKey: declareCommand(
    CommandId.getMetadataKey,
    objectShape('{ profile, serverId, key }', (f): GetKeyArguments => ({
      target: f.key(),
      show: f.flag('show'),
    })),
    // What a key row ran: it showed the key in the panel.
    [{ id: CommandId.openKey, defaults: { show: true } }],
  ),
  copyValue: declareCommand(CommandId.copyValue, keyArguments),
  setValue: declareCommand(
    CommandId.setValue,
    objectShape('{ profile, serverId, key, value }', (f): SetValueArguments => ({
      target: f.key(),
      value: f.value(),
      allowProtected: f.flag('allowProtected'),
    })),
    [{ id: CommandId.setMetadataKey }],
  ),
  deleteKey: declareCommand(
    CommandId.deleteKey,
    objectShape('{ profile, serverId, key }', (f): KeyWriteArguments => ({
      target: f.key(),
      allowProtected: f.flag('allowProtected'),
    })),
    [{ id: CommandId.deleteMetadataKey }],
  ),
  addKey: declareCommand(CommandId.addKey, serverWriteArguments('{ profile, serverId }')),
  editMetadataJson: declareCommand(CommandId.editMetadataJson, serverWriteArguments('{ profile, serverId }')),
  copyMetadataJson: declareCommand(CommandId.copyMetadataJson, serverArguments),
  compareMetadata: declareCommand(
    CommandId.compareMetadata,
    objectShape(
      '{ left: { profile, serverId }, right: { profile, serverId } }',
      (f): [ServerTarget, ServerTarget] => [f.object('left').server(), f.object('right').server()],
    ),
  ),
  findServers: declareCommand(
    CommandId.findServers,
    objectShape('{ profile?, region?, query }', (f): FindArguments => {
      const query = f.text('query');
      const profile = f.optionalText('profile');
      const region = f.optionalText('region');
      // A region is a region of one profile.
      if (region !== undefined && profile === undefined) throw f.expected();
      return {
        query,
        ...(profile ? { profile } : {}),
        ...(region ? { region } : {}),
        showInView: f.flag('showInView'),
      };
    }),
  ),
  exportMetadata: declareCommand(
    CommandId.exportMetadata,
    objectShape('{ profile? | findResults: true, format: "json" | "csv", path }', (f): ExportArguments => {
      const format = f.oneOf('format', ['json', 'csv'] as const);
      const path = f.text('path');
      if (path === '') throw f.expected();
      if (f.flag('findResults')) {
        const profile = f.optionalText('profile');
        return { source: { kind: 'find', ...(profile ? { profile } : {}) }, format, path };
      }
      return { source: { kind: 'profile', profile: f.text('profile') }, format, path };
    }),
  ),
  filter: declareCommand(CommandId.filter, {
    usage: '"text"',
    parse(arg: unknown): string {
      if (typeof arg !== 'string') throw argumentsExpected('"text"');
      return arg;
    },
  }),
  removeProfile: declareCommand(CommandId.removeProfile, profileArguments),
  confirmEndpoints: declareCommand(CommandId.confirmEndpoints, profileArguments),
  turnOffDiscovery: declareCommand(CommandId.turnOffDiscovery, profileArguments),
  setCredentials: declareCommand(
    CommandId.setCredentials,
    objectShape(
      '{ profile, credentials?: { accessKey, secretKey, securityToken? } | { password } | { token } }',
      (f): SetCredentialsArguments => {
        const profile = f.text('profile');
        const credentials = optionalCredentials(f);
        return { profile, ...(credentials ? { credentials } : {}) };
      },
    ),
  ),
  addServer: declareCommand(
    CommandId.addServer,
    objectShape('{ profile, serverId?, name?, region?, byId? }', (f): AddServerArguments => {
      const profile = f.text('profile');
      const region = f.optionalText('region');
      const server = f.raw('serverId') === undefined ? undefined : f.server();
      return {
        profile,
        ...(region ? { region } : {}),
        ...(server ? { server } : {}),
        byId: f.flag('byId'),
      };
    }),
  ),
  removeServer: declareCommand(
    CommandId.removeServer,
    objectShape('{ profile, serverId? }', (f): RemoveServerArguments => {
      const profile = f.text('profile');
      const serverId = f.optionalText('serverId');
      return { profile, ...(serverId ? { serverId } : {}) };
    }),
  ),
  importProfiles: declareCommand(
    CommandId.importProfiles,
    objectShape(
      "{ source: 'cloudsYaml', path, clouds? } | { source: 'env', env } | { source: 'koocli', path, profiles? }",
      (f): ImportArguments => {
        switch (f.oneOf('source', ['cloudsYaml', 'env', 'koocli'] as const)) {
          case 'cloudsYaml': {
            const clouds = f.optionalTexts('clouds');
            return { source: 'cloudsYaml', path: f.text('path'), ...(clouds ? { clouds } : {}) };
          }
          case 'koocli': {
            const profiles = f.optionalTexts('profiles');
            return { source: 'koocli', path: f.text('path'), ...(profiles ? { profiles } : {}) };
          }
          case 'env': {
            const env = f.raw('env');
            if (!isRecord(env)) throw f.expected();
            // Only the variables that are text: a variable is never anything else.
            return {
              source: 'env',
              env: Object.fromEntries(
                Object.entries(env).filter(
                  (entry): entry is [string, string] => typeof entry[1] === 'string',
                ),
              ),
            };
          }
        }
      },
    ),
  ),
  addProfile: declareCommand(
    CommandId.addProfile,
    objectShape('{ profile: { name, auth, … }, credentials }', (f): AddProfileArguments => {
      const profile = f.raw('profile');
      if (!isRecord(profile)) throw f.expected();
      // An agency profile signs in with its source profile's credentials: it has none of its own.
      if (profile.auth === 'agency') return { profile };
      const credentials = optionalCredentials(f);
      if (!credentials) throw f.expected();
      return { profile, credentials };
    }),
  ),
  checkPolicy: declareCommand(
    CommandId.checkPolicy,
    objectShape('{ profile?, region?, policy?, showInView? }', (f): CheckPolicyArguments => {
      // A misspelt field (`policies`) would check the policy file instead of the one meant.
      f.only('profile', 'region', 'policy', 'showInView');
      const profile = f.optionalText('profile');
      const region = f.optionalText('region');
      // A region is a region of one profile.
      if (region !== undefined && profile === undefined) throw f.expected();
      const policy = f.raw('policy');
      if (policy !== undefined && !isRecord(policy)) throw f.expected();
      return {
        ...(profile ? { profile } : {}),
        ...(region ? { region } : {}),
        ...(policy !== undefined ? { policy } : {}),
        showInView: f.optionalFlag('showInView'),
      };
    }),
  ),
  bulkEditMetadata: declareCommand(
    CommandId.bulkEditMetadata,
    objectShape(
      '{ query | servers: [{ profile, region?, serverId }], profile?, region?, set?: { key: value }, remove?: [key], dryRun? }',
      readBulkEdit,
    ),
  ),
} as const;

/** Only the argument's shape: the keys and values it sets are checked by the bulk change's own rules. */
function readBulkEdit(f: ArgumentFields): BulkEditArguments {
  const isText = (v: unknown): v is string => typeof v === 'string';
  const { query, profile, region, servers, set, remove, dryRun } = {
    query: f.raw('query'),
    profile: f.raw('profile'),
    region: f.raw('region'),
    servers: f.raw('servers'),
    set: f.raw('set'),
    remove: f.raw('remove'),
    dryRun: f.raw('dryRun'),
  };
  if ((query === undefined) === (servers === undefined)) throw f.expected();
  if (query !== undefined && !isText(query)) throw f.expected();
  if (profile !== undefined && !isText(profile)) throw f.expected();
  if (region !== undefined && (!isText(region) || !isText(profile))) throw f.expected();
  if (dryRun !== undefined && typeof dryRun !== 'boolean') throw f.expected();
  const setMap: Record<string, string> = {};
  if (set !== undefined) {
    if (!isRecord(set)) throw f.expected();
    for (const [k, v] of Object.entries(set)) {
      if (!isText(v)) throw f.expected();
      // A key named __proto__ is a key like any other, not the object's prototype.
      Object.defineProperty(setMap, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  if (remove !== undefined && (!Array.isArray(remove) || !remove.every(isText))) throw f.expected();
  let named: BulkEditArguments['servers'];
  if (servers !== undefined) {
    if (!Array.isArray(servers) || servers.length === 0) throw f.expected();
    named = servers.map((s: unknown) => {
      const { profile: p, region: r, serverId } = isRecord(s) ? s : {};
      if (!isText(p) || !isText(serverId) || (r !== undefined && !isText(r))) throw f.expected();
      return { profile: p, serverId, ...(r !== undefined ? { region: r } : {}) };
    });
  }
  return {
    ...(isText(query) ? { query } : {}),
    ...(isText(profile) ? { profile } : {}),
    ...(isText(region) ? { region } : {}),
    ...(named ? { servers: named } : {}),
    request: { set: setMap, remove: [...new Set((remove as string[] | undefined) ?? [])] },
    dryRun: dryRun === true,
    allowProtected: f.flag('allowProtected'),
  };
}

function serverWriteArguments(usage: string): ScriptShape<ServerWriteArguments> {
  return objectShape(usage, (f) => ({ target: f.server(), allowProtected: f.flag('allowProtected') }));
}

/** `credentials` when given: `{ accessKey, secretKey, securityToken? }`, `{ password }` or `{ token }`. */
function optionalCredentials(f: ArgumentFields): Credentials | undefined {
  const given = f.raw('credentials');
  if (given === undefined) return undefined;
  const credentials = parseCredentials(given);
  if (!credentials) throw f.expected();
  return credentials;
}
