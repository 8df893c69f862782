import * as vscode from 'vscode';
import { serverPages } from '../core';
import type { ExportedServer } from '../export/exportedServer';
import { metadataCsv } from '../export/metadataCsv';
import { metadataExportJson } from '../export/metadataJson';
import { FoundProfileNode } from '../find/foundProfileNode';
import { ProfileRowNode } from '../tree/profileRowNode';
import { scriptCommands, type ExportArguments, type ExportSource } from './commandArguments';
import type { CommandDeps } from './commandDeps';
import { registerDeclared } from './registerDeclared';
import { settings } from '../settings/settings';
import { pickProfile } from './pickers/pickProfile';
import { unknownProfileError } from '../errors/setupError';

/** What the command resolves to. */
export interface ExportResult {
  path: string;
  servers: number;
}

/**
 * `ecsMetadata.exportMetadata` — Export Metadata…: JSON (`{serverId: {name, metadata}}`) or CSV
 * (one row per server, one column per key) to a file the user chooses. On a profile: all its
 * servers, read at the largest page; while a find is shown (from its rows or the view title): its
 * matches. A script passes `{ profile? | findResults: true, format, path }`.
 * The values go only to that file.
 */
export function registerExportMetadata(deps: CommandDeps): vscode.Disposable {
  return registerDeclared(scriptCommands.exportMetadata, async (call) => {
    const args = call.script ?? (await askPerson(deps, call.arg));
    if (!args) return undefined;
    if (args.source.kind === 'profile') call.subject = { profile: args.source.profile };
    const servers = await collect(deps, args.source);
    if (!servers) return undefined;
    const text = args.format === 'csv' ? `\ufeff${metadataCsv(servers)}` : metadataExportJson(servers);
    const uri = vscode.Uri.file(args.path);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (call.byPerson) void tellExported(uri, servers.length);
    return { path: uri.fsPath, servers: servers.length } satisfies ExportResult;
  });
}

/** Says where the file went, with Open File and, where VS Code can show it, Reveal. */
async function tellExported(uri: vscode.Uri, count: number): Promise<void> {
  const open = vscode.l10n.t('Open File');
  const reveal = vscode.l10n.t('Reveal');
  // The system's file manager is only there for a desktop window on this machine; elsewhere the
  // Explorer can show the file when it is in the workspace.
  const revealCommand =
    vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined
      ? 'revealFileInOS'
      : vscode.workspace.getWorkspaceFolder(uri)
        ? 'revealInExplorer'
        : undefined;
  const done = vscode.l10n.t('Exported the metadata of {0} servers to {1}.', count, uri.fsPath);
  const picked = await vscode.window.showInformationMessage(
    // Masking hides values on screen only; whoever opens the file sees them.
    settings.maskValues()
      ? `${done} ${vscode.l10n.t('The file holds the values in clear: Mask Values hides them only on screen.')}`
      : done,
    ...(revealCommand ? [open, reveal] : [open]),
  );
  if (picked === open) await vscode.commands.executeCommand('vscode.open', uri);
  else if (picked === reveal && revealCommand) await vscode.commands.executeCommand(revealCommand, uri);
}

async function askPerson(deps: CommandDeps, arg: unknown): Promise<ExportArguments | undefined> {
  const title = vscode.l10n.t('Export Metadata');
  // On a profile: its servers. While a find is shown (its rows, or the view title): the matches.
  let source: ExportSource | undefined;
  if (arg instanceof ProfileRowNode && !(arg instanceof FoundProfileNode)) {
    source = { kind: 'profile', profile: arg.profile.name };
  } else if (deps.find.query) {
    source = { kind: 'find' };
  } else {
    const profile = await pickProfile(deps.profiles, title);
    if (profile) source = { kind: 'profile', profile: profile.name };
  }
  if (!source) return undefined;
  const format = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: '{ serverId: { name, metadata } }', format: 'json' as const },
      {
        label: 'CSV',
        description: vscode.l10n.t('one row per server, one column per key'),
        format: 'csv' as const,
      },
    ],
    { title, placeHolder: vscode.l10n.t('Export as'), ignoreFocusOut: true },
  );
  if (!format) return undefined;
  const base = source.kind === 'find' ? 'find-results' : source.profile;
  const defaultName = `${base.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-metadata.${format.format}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title,
    saveLabel: vscode.l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultName) } : {}),
    filters: format.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!target) return undefined;
  return { source, format: format.format, path: target.fsPath };
}

/** The servers to write; undefined when the person cancelled the reading. */
async function collect(deps: CommandDeps, source: ExportSource): Promise<ExportedServer[] | undefined> {
  if (source.kind === 'find') {
    if (!deps.find.query)
      throw new Error(
        vscode.l10n.t('There are no find results to export: run Find Servers by Metadata first.'),
      );
    return deps.find
      .allMatches()
      .filter((m) => source.profile === undefined || m.profile === source.profile)
      .map(({ server }) => ({
        id: server.id,
        name: server.name,
        ...(server.region ? { region: server.region } : {}),
        metadata: server.metadata,
      }));
  }
  const profile = source.profile;
  if (!deps.profiles.get(profile)) throw unknownProfileError(profile);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading the metadata of every server of {0}…', profile),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        const servers: ExportedServer[] = [];
        // Each region of a profile of several regions in turn, every server marked with its region.
        for (const region of deps.clients.regionsOf(profile)) {
          const client = await deps.clients.get(profile, region);
          for await (const page of serverPages(client, { withMetadata: true, signal: abort.signal })) {
            for (const s of page.servers) {
              servers.push({
                id: s.id,
                name: s.name,
                ...(region ? { region } : {}),
                metadata: s.metadata ?? {},
              });
            }
            progress.report({ message: vscode.l10n.t('{0} servers read', servers.length) });
          }
        }
        return abort.signal.aborted ? undefined : servers;
      } catch (err) {
        if (abort.signal.aborted) return undefined;
        throw err;
      } finally {
        subscription.dispose();
      }
    },
  );
}
