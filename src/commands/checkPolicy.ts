import * as vscode from 'vscode';
import type { Policy, Violation } from '../policy/policy';
import { evaluatePolicy } from '../policy/evaluatePolicy';
import { parsePolicyObject } from '../policy/parsePolicy';
import { EVERY_SERVER } from '../find/findSession';
import { PolicyFileWatch } from '../policyCheck/policyFileWatch';
import { readPolicyFile, refusedPolicy, shown } from '../policyCheck/policyFile';
import type { CommandDeps } from './commandDeps';
import { scriptCommands } from './commandArguments';
import { pickScope, scopeFor, showFind, type FindScope } from '../find/findScope';
import { findInScope } from './findServers';
import { registerDeclared } from './registerDeclared';

/** What the script form resolves to: one entry per server that breaks the policy. */
export interface PolicyBreach {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  name: string;
  violations: Violation[];
}

/**
 * `ecsMetadata.checkPolicy` — Check Metadata Policy. A person picks where to look (as for Find Servers
 * by Metadata) and the Servers view shows the servers that break the policy file, each with its
 * violations, the counts per rule in the view's message; it checks again on Refresh and when the file
 * changes. A script passes `{ profile?, region?, policy?, showInView? }` and gets the servers that
 * break the policy, with no UI (all profiles when `profile` is left out, every region of it when
 * `region` is; the policy file when `policy` is), or with `showInView` the check shown in the view.
 */
export function registerCheckPolicy(deps: CommandDeps): vscode.Disposable {
  const watch = new PolicyFileWatch(deps.find);
  const command = registerDeclared(scriptCommands.checkPolicy, async (call) => {
    if (call.byPerson) {
      const file = await readPolicyFile();
      const scope = await pickScope(deps, vscode.l10n.t('Check Metadata Policy'));
      if (!scope) return undefined;
      await showFind(deps, EVERY_SERVER, scope, { policy: file.policy, source: shown(file.uri) });
      watch.watch(file.uri);
      return undefined;
    }
    const { script } = call;
    const file = script.policy === undefined ? await readPolicyFile() : undefined;
    const policy = file ? file.policy : policyOfScript(script.policy);
    const scope = scopeFor(deps, script.profile, script.region);
    if (!script.showInView) return checkInScope(deps, policy, scope);
    const source = file ? shown(file.uri) : vscode.l10n.t('(the argument)');
    await showFind(deps, EVERY_SERVER, scope, { policy, source });
    if (file) watch.watch(file.uri);
    return undefined;
  });
  return vscode.Disposable.from(command, watch);
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
