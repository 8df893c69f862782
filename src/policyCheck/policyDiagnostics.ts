import * as vscode from 'vscode';
import type { FindSession } from '../find/findSession';
import { Disposable } from '../lifecycle/disposable';
import { METADATA_SCHEME, targetOf } from '../metadata/metadataFileSystem';
import { evaluatePolicy } from '../policy/evaluatePolicy';
import type { Policy } from '../policy/policy';
import { settings } from '../settings/settings';
import { readPolicyFile } from './policyFile';
import { violationText } from './violationText';

/**
 * Warnings in open metadata documents (`ecs-metadata:`) of servers that break the policy: on the key
 * of each violation, on line 1 for a missing key. The policy is the check the view shows, else the
 * policy file; without a usable policy there are no warnings (the check itself reports a bad file).
 * Evaluated on the document's text as it is typed; nothing is read from the cloud.
 */
export class PolicyDiagnostics extends Disposable {
  private readonly collection = this.register(
    vscode.languages.createDiagnosticCollection('ecsMetadataPolicy'),
  );

  constructor(private readonly find: FindSession) {
    super();
    const update = (document: vscode.TextDocument): void => void this.update(document);
    this.register(vscode.workspace.onDidOpenTextDocument(update));
    this.register(vscode.workspace.onDidChangeTextDocument(({ document }) => update(document)));
    this.register(vscode.workspace.onDidCloseTextDocument(({ uri }) => this.collection.delete(uri)));
    this.register(
      find.onDidChange((profile) => {
        if (profile === undefined) this.updateAll();
      }),
    );
    this.updateAll();
  }

  private updateAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.update(document);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== METADATA_SCHEME) return;
    const policy = await this.policy();
    const metadata = metadataOf(document.getText());
    if (!policy || !metadata) {
      this.collection.delete(document.uri);
      return;
    }
    const target = targetOf(document.uri);
    const violations = evaluatePolicy(policy, { name: target.serverName ?? target.serverId, metadata });
    const masked = settings.maskValues();
    const text = document.getText();
    this.collection.set(
      document.uri,
      violations.map((v) => {
        const at = v.problem === 'missing' ? -1 : text.indexOf(JSON.stringify(v.key));
        const range =
          at < 0
            ? document.lineAt(0).range
            : new vscode.Range(
                document.positionAt(at),
                document.positionAt(at + JSON.stringify(v.key).length),
              );
        const diagnostic = new vscode.Diagnostic(
          range,
          vscode.l10n.t('Rule “{0}”: {1}', v.rule, violationText(v, policy, masked)),
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = vscode.l10n.t('metadata policy');
        return diagnostic;
      }),
    );
  }

  /** The policy the view checks, else the policy file's; undefined when there is none usable. */
  private async policy(): Promise<Policy | undefined> {
    if (this.find.policyCheck) return this.find.policyCheck.policy;
    try {
      return (await readPolicyFile()).policy;
    } catch {
      return undefined;
    }
  }
}

/** The document's metadata: a JSON object of string values, else undefined (mid-edit, not valid). */
function metadataOf(text: string): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return undefined;
  }
}
