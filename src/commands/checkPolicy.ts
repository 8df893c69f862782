import * as vscode from 'vscode';
import { InputError } from '../errors/inputError';
import type { Policy, Violation } from '../policy/policy';
import { evaluatePolicy } from '../policy/evaluatePolicy';
import { parsePolicyObject } from '../policy/parsePolicy';
import type { MetadataQuery } from '../query/metadataQuery';
import { readPolicyFile, refusedPolicy } from '../policyCheck/policyFile';
import { CommandId } from '../commandBase/commandIds';
import type { CommandDeps } from './commandDeps';
import { findInScope, scopeFor, type FindScope } from './findServers';
import { registerCommand } from './registerCommand';

/** What the script form resolves to: one entry per server that breaks the policy. */
export interface PolicyBreach {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  name: string;
  violations: Violation[];
}

/** A query of no terms: every server of the listing, with its metadata. */
export const EVERY_SERVER: MetadataQuery = { text: '', terms: [] };

interface ScriptArgs {
  profile?: string;
  region?: string;
  /** A policy object in the file's shape; the policy file when left out. */
  policy?: unknown;
}

/**
 * `ecsMetadata.checkPolicy` — Check Metadata Policy. A script passes `{ profile?, region?, policy? }`
 * and gets the servers that break the policy, with no UI (all profiles when `profile` is left out,
 * every region of it when `region` is; the policy file when `policy` is).
 */
export function registerCheckPolicy(deps: CommandDeps): vscode.Disposable {
  return registerCommand(CommandId.checkPolicy, async (call) => {
    if (call.byPerson) return undefined;
    const script = checkPolicyArgs(call.arg);
    const policy =
      script.policy === undefined ? (await readPolicyFile()).policy : policyOfScript(script.policy);
    return checkInScope(deps, policy, scopeFor(deps, script.profile, script.region));
  });
}

/** The script's argument, checked (kept in one function so it can move to a shared argument door). */
export function checkPolicyArgs(arg: unknown): ScriptArgs {
  const { profile, region, policy, ...rest } = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<
    string,
    unknown
  >;
  if (
    Object.keys(rest).length > 0 ||
    (profile !== undefined && typeof profile !== 'string') ||
    (region !== undefined && (typeof region !== 'string' || typeof profile !== 'string')) ||
    (policy !== undefined && (typeof policy !== 'object' || policy === null || Array.isArray(policy)))
  ) {
    throw new InputError(vscode.l10n.t('Expected arguments {0}.', '{ profile?, region?, policy? }'));
  }
  return {
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {}),
    ...(policy !== undefined ? { policy } : {}),
  };
}

function policyOfScript(value: unknown): Policy {
  const reading = parsePolicyObject(value);
  if (reading.problems) throw refusedPolicy(reading.problems, vscode.l10n.t('(the argument)'));
  return reading.policy;
}

/** Every server of `scope` that breaks `policy`, with how (the find listing: ⌈N/1000⌉ requests). */
export async function checkInScope(
  deps: CommandDeps,
  policy: Policy,
  scope: FindScope,
): Promise<PolicyBreach[]> {
  return (await findInScope(deps, EVERY_SERVER, scope)).flatMap(({ profile, server }): PolicyBreach[] => {
    const violations = evaluatePolicy(policy, server);
    if (violations.length === 0) return [];
    return [
      {
        profile,
        ...(server.region ? { region: server.region } : {}),
        serverId: server.id,
        name: server.name,
        violations,
      },
    ];
  });
}
