import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import { describeError } from '../errors/userMessage';
import type { ProfileStore } from '../profiles/profileStore';
import { settings } from '../settings/settings';
import { protectedKeyRefusal, writeConfirmed } from './confirmChange';
import { describeProblemAt } from './documentProblems';
import { changeBetween, isEmptyChange } from './metadataChange';
import { checkMetadataDocument, metadataDocumentText } from './metadataDocument';
import type { ServerTarget } from '../core';
import type { MetadataWriter, MetadataWritten } from './metadataWriter';
import { changedProtectedKeys } from './protectedKeys';
import { reportWrite } from './reportWrite';

/**
 * `ecs-metadata:/{profile}/{server id}/{server name}.metadata.json`: one server's metadata as JSON;
 * in a profile of several regions, `?region={region}` says which region's server.
 */
export const METADATA_SCHEME = 'ecs-metadata';
/** The same path, read-only: what the server holds now, for the diff editor after a conflict. */
export const SERVER_STATE_SCHEME = 'ecs-metadata-server';

export function metadataDocumentUri(target: ServerTarget): vscode.Uri {
  const name = (target.serverName || target.serverId).replace(/[/\\]/g, '_');
  // The path is given decoded (the tab and the breadcrumb show it as is): only what would split it
  // or be read back as an escape is escaped in the profile's name.
  const profile = target.profile.replace(/[%/\\]/g, (c) => encodeURIComponent(c));
  return vscode.Uri.from({
    scheme: METADATA_SCHEME,
    path: `/${profile}/${target.serverId}/${name}.metadata.json`,
    ...(target.region ? { query: `region=${encodeURIComponent(target.region)}` } : {}),
  });
}

/** The server a document's URI names (its name part is only the caller's: confirmations look the name up). */
export function targetOf(uri: vscode.Uri): ServerTarget {
  const [, profile, serverId, file] = uri.path.split('/');
  if (!profile || !serverId || !file) throw vscode.FileSystemError.FileNotFound(uri);
  const name = file.replace(/\.metadata\.json$/, '');
  const region = new URLSearchParams(uri.query).get('region') || undefined;
  const target: ServerTarget = {
    profile: decodeURIComponent(profile),
    ...(region ? { region } : {}),
    serverId,
  };
  return name !== serverId ? { ...target, serverName: name } : target;
}

/** The server a metadata document shows, or undefined for another URI. */
function documentTarget(uri: vscode.Uri): ServerTarget | undefined {
  if (uri.scheme !== METADATA_SCHEME) return undefined;
  try {
    return targetOf(uri);
  } catch {
    return undefined;
  }
}

function sameServer(a: ServerTarget, b: ServerTarget): boolean {
  return a.profile === b.profile && a.serverId === b.serverId && (a.region ?? '') === (b.region ?? '');
}

/**
 * Why a save would be refused, in one sentence for a person (with the server when it changed since
 * the document was read), or no refusal when the save can go ahead.
 */
export type SaveCheck = { refusal: string; conflict?: ServerTarget } | { refusal?: undefined };

/**
 * Serves the documents: reading reads the server fresh; saving checks the document, reads the server
 * again and refuses (offering the diff editor) when it changed since the document was read, shows the
 * modal summary (and a second modal for protected keys), then writes one merge for added and changed keys and one delete per removed key.
 * After a write the document shows the server's real state: the state the merge answered (minus the
 * keys deleted after it) when the whole change was written, so a save costs one read, one merge and
 * one delete per removed key; otherwise — a partial failure, reported key by key, or a change with
 * no merge — the server read again.
 */
/** Longest wait for VS Code to finish a save before the document reloads anyway. */
const SAVE_WAIT_MS = 5_000;

export class MetadataFileSystem implements vscode.FileSystemProvider, vscode.TextDocumentContentProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** Per document: the server's metadata it was read from, and when. */
  private readonly bases = new Map<string, { metadata: Record<string, string>; mtime: number }>();
  /** Documents just written: what ends the wait for their save to finish, so they can reload. */
  private readonly savesAwaited = new Map<string, () => void>();
  /**
   * Per document, the last reload queued: reloads run one after the other, and the command that
   * opens a document waits for them, so a reload never lands in the middle of someone's typing.
   */
  private readonly reloads = new Map<string, Promise<void>>();
  /** Documents whose next save is the reload itself. */
  private readonly reloading = new Set<string>();
  /** Why each document is being saved, as VS Code said just before writing it. */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly willSave: vscode.Disposable;
  /** Documents whose own save is being written: the write's event is theirs, not news to them. */
  private readonly writing = new Set<string>();
  /** The server's metadata a save's check just read, for the save that follows it (one read, not two). */
  private readonly checkedReads = new Map<string, Record<string, string>>();
  /** Documents a script opened without `allowProtected: true`: a save changing a protected key is refused. */
  private readonly protectedRefused = new Set<string>();
  private readonly saved: vscode.Disposable;
  private readonly written: vscode.Disposable;

  constructor(
    private readonly clients: ClientProvider,
    private readonly writer: MetadataWriter,
    private readonly profiles: ProfileStore,
  ) {
    this.saved = vscode.workspace.onDidSaveTextDocument((document) => {
      this.savesAwaited.get(document.uri.toString())?.();
    });
    this.willSave = vscode.workspace.onWillSaveTextDocument(({ document, reason }) => {
      if (document.uri.scheme === METADATA_SCHEME) this.saveReasons.set(document.uri.toString(), reason);
    });
    this.written = writer.onDidWrite((write) => this.serverWritten(write));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    targetOf(uri);
    const mtime = this.bases.get(uri.toString())?.mtime ?? Date.now();
    return { type: vscode.FileType.File, ctime: 0, mtime, size: 0 };
  }

  /** The server's metadata the document was last read from (for its protected-key marks). */
  baseOf(uri: vscode.Uri): Record<string, string> | undefined {
    return this.bases.get(uri.toString())?.metadata;
  }

  /** Whether saves of the document may change protected keys (after their modal): set by each open. */
  allowProtected(uri: vscode.Uri, allowed: boolean): void {
    if (allowed) this.protectedRefused.delete(uri.toString());
    else this.protectedRefused.add(uri.toString());
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const metadata = await this.read(targetOf(uri));
    const previous = this.bases.get(uri.toString());
    this.bases.set(uri.toString(), { metadata, mtime: previous?.mtime ?? Date.now() });
    return new TextEncoder().encode(metadataDocumentText(metadata));
  }

  /** The read-only twin for the diff editor: the server now. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return metadataDocumentText(await this.read(targetOf(uri)));
  }

  /**
   * What the save command checks before it saves, so a refusal is one sentence of ours rather than
   * VS Code's "Unable to write file … (…)": the document's first problem with its line and column,
   * or a change on the server since the document was read (its metadata read now, kept for the save).
   */
  async checkSave(document: vscode.TextDocument): Promise<SaveCheck> {
    const target = targetOf(document.uri);
    const text = document.getText();
    const checked = checkMetadataDocument(text);
    if (!checked.metadata)
      return { refusal: notSaved(document.uri, describeProblemAt(text, checked.problems[0])) };
    const key = document.uri.toString();
    const opened = this.bases.get(key);
    if (opened && this.protectedRefused.has(key)) {
      // Refused at once: nothing read, nothing asked.
      const [refused] = changedProtectedKeys(opened.metadata, checked.metadata, settings.protectedKeys());
      if (refused !== undefined)
        return { refusal: notSaved(document.uri, protectedKeyRefusal(refused).message) };
    }
    const current = await this.read(target);
    if (!opened || !sameMetadata(opened.metadata, current)) {
      return { refusal: notSaved(document.uri, changedMessage(target)), conflict: target };
    }
    this.checkedReads.set(key, current);
    return {};
  }

  /** Drops what a check read, once the save it was for is over (written or not). */
  forgetCheck(uri: vscode.Uri): void {
    this.checkedReads.delete(uri.toString());
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const target = targetOf(uri);
    const key = uri.toString();
    const checkedRead = this.checkedReads.get(key);
    this.checkedReads.delete(key);
    const text = new TextDecoder().decode(content);
    const checked = checkMetadataDocument(text);
    if (!checked.metadata) throw saveRefused(describeProblemAt(text, checked.problems[0]));
    const opened = this.bases.get(key);
    const reason = this.saveReasons.get(key);
    this.saveReasons.delete(key);
    // The save that reloads a document after a write carries exactly what was just read: nothing to do.
    if (this.reloading.delete(key) && opened && sameMetadata(opened.metadata, checked.metadata)) {
      return;
    }
    if (opened && this.protectedRefused.has(key)) {
      // Refused at once: nothing read, nothing asked.
      const [refused] = changedProtectedKeys(opened.metadata, checked.metadata, settings.protectedKeys());
      if (refused !== undefined) throw saveRefused(protectedKeyRefusal(refused).message);
    }
    // Auto Save (after a delay, on focus change) never writes, whatever a workspace's settings turn
    // on: only a save the person asked for does. The refusal leaves the document unsaved.
    if (reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual) {
      throw saveRefused(
        vscode.l10n.t('Auto Save never writes metadata. Save the file yourself (File > Save) to write it.'),
      );
    }
    const current = checkedRead ?? (await this.read(target));
    if (!opened || !sameMetadata(opened.metadata, current)) {
      void this.offerCompare(uri, target);
      throw saveRefused(changedMessage(target));
    }
    const change = changeBetween(current, checked.metadata);
    if (isEmptyChange(change)) return;
    const directory = { clients: this.clients, profiles: this.profiles, writer: this.writer };
    this.writing.add(key);
    let written;
    try {
      written = await writeConfirmed(directory, target, change, current, { summary: 'change' });
    } finally {
      this.writing.delete(key);
    }
    if (!written) throw saveRefused(vscode.l10n.t('the change was not confirmed.'));
    const { outcome } = written;
    reportWrite(written.target, outcome);
    // Once VS Code has finished this save, the document is made to show what the server really holds:
    // as the write's answers gave it, or read again when they did not.
    this.bases.set(key, { metadata: current, mtime: Date.now() });
    const saveFinished = new Promise<void>((resolve) => {
      const timer = setTimeout(done, SAVE_WAIT_MS);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.savesAwaited.set(key, done);
    });
    this.queueReload(uri, async () => {
      await saveFinished;
      this.savesAwaited.delete(key);
      await this.reloadNow(uri, outcome.after);
    }).catch(() => undefined);
  }

  /**
   * Makes a document without unsaved edits show the server's metadata read now (a document with
   * edits is left alone). Done as an edit and a save with nothing to write, which VS Code's own
   * reload cannot be made to do reliably for a provider's file.
   */
  reloadIfSaved(uri: vscode.Uri): Promise<void> {
    return this.queueReload(uri, () => this.reloadNow(uri));
  }

  /** Runs `reload` after the reloads already queued for `uri` (whatever their outcome). */
  private queueReload(uri: vscode.Uri, reload: () => Promise<void>): Promise<void> {
    const key = uri.toString();
    const run = (this.reloads.get(key) ?? Promise.resolve()).catch(() => undefined).then(reload);
    this.reloads.set(key, run);
    const forget = (): void => {
      if (this.reloads.get(key) === run) this.reloads.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  /**
   * Another write of this window (Set Value, Delete Key, Undo, another document's save) changed a
   * server whose documents are open: those without edits show the server's state now; those with
   * edits are out of date, and the person is told so with a one-click reload.
   */
  private serverWritten({ target, after }: MetadataWritten): void {
    for (const document of vscode.workspace.textDocuments) {
      const shown = documentTarget(document.uri);
      if (!shown || !sameServer(shown, target) || this.writing.has(document.uri.toString())) continue;
      // After the reloads already queued: a document is dirty while its last reload is being saved.
      this.queueReload(document.uri, async () => {
        if (document.isDirty) void this.offerReload(document.uri, shown);
        else await this.reloadNow(document.uri, after);
      }).catch(() => undefined);
    }
  }

  /** The notice of a document with edits that a write of this window has made out of date. */
  private async offerReload(uri: vscode.Uri, target: ServerTarget): Promise<void> {
    const reload = vscode.l10n.t('Reload (Discard My Edits)');
    const compare = vscode.l10n.t('Compare');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The metadata of server {0} was just written from this window, so {1} is out of date: it has unsaved edits made before that, and saving it will be refused.',
        target.serverName ?? target.serverId,
        fileName(uri),
      ),
      reload,
      compare,
    );
    if (answer === reload) await this.reloadDiscarding(uri);
    else if (answer === compare) await this.showCompare(uri, target);
  }

  /** Makes a document show the server's metadata read now, its unsaved edits discarded. */
  reloadDiscarding(uri: vscode.Uri): Promise<void> {
    return this.queueReload(uri, () => this.reloadNow(uri, undefined, true));
  }

  /**
   * Shows `known` (the server's state a write answered) or, without it, the server read now. A
   * document with edits is left alone unless `discardEdits`.
   */
  private async reloadNow(
    uri: vscode.Uri,
    known?: Record<string, string>,
    discardEdits = false,
  ): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || (document.isDirty && !discardEdits)) return;
    const version = document.version;
    const metadata = known ?? (await this.read(targetOf(uri)));
    // Someone typed while the server was read: their edits win (a save then checks for a conflict).
    if ((document.isDirty && !discardEdits) || document.version !== version) return;
    const text = metadataDocumentText(metadata);
    this.bases.set(uri.toString(), { metadata, mtime: this.bases.get(uri.toString())?.mtime ?? Date.now() });
    if (document.getText() === text) {
      if (document.isDirty) {
        this.reloading.add(uri.toString());
        await document.save();
      }
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    this.reloading.add(uri.toString());
    await document.save();
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): never {
    throw vscode.FileSystemError.NoPermissions();
  }

  dispose(): void {
    this.saved.dispose();
    this.willSave.dispose();
    this.written.dispose();
    this.changes.dispose();
  }

  private async read(target: ServerTarget): Promise<Record<string, string>> {
    try {
      return await (await this.clients.get(target.profile, target.region)).listMetadata(target.serverId);
    } catch (error) {
      throw vscode.FileSystemError.Unavailable(
        describeError(error, { profile: target.profile, serverId: target.serverId }).message,
      );
    }
  }

  private async offerCompare(uri: vscode.Uri, target: ServerTarget): Promise<void> {
    const compare = vscode.l10n.t('Compare');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The metadata of server {0} changed since this document was read. Nothing was written. Compare the server with your edits?',
        target.serverName ?? target.serverId,
      ),
      compare,
    );
    if (answer === compare) await this.showCompare(uri, target);
  }

  /** The diff editor: the server now on the left, the document with its edits on the right. */
  async showCompare(uri: vscode.Uri, target: ServerTarget): Promise<void> {
    await vscode.commands.executeCommand(
      'vscode.diff',
      uri.with({ scheme: SERVER_STATE_SCHEME }),
      uri,
      vscode.l10n.t('{0}: server ↔ your edits', target.serverName ?? target.serverId),
    );
  }
}

function sameMetadata(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
  );
}

/** The document's file name, as its tab shows it. */
function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function changedMessage(target: ServerTarget): string {
  return vscode.l10n.t(
    'the metadata of server {0} changed since this document was read.',
    target.serverName ?? target.serverId,
  );
}

/** The one sentence of a refused save: "web-02.metadata.json was not saved: …". */
function notSaved(uri: vscode.Uri, why: string): string {
  return vscode.l10n.t('{0} was not saved: {1}', fileName(uri), why);
}

/**
 * What a provider's refusal of a save throws when the save did not come through the save command
 * (File > Save, Save All): VS Code wraps it as "Unable to write file '…' ({name}: {message})"; a
 * FileSystemError's name there reads "NoPermissions (FileSystemError)", which sounds like IAM. An
 * Error with an empty name reads as its message alone: "(Not saved: Line 3, column 3: …)".
 */
function saveRefused(why: string): Error {
  const error = new Error(vscode.l10n.t('Not saved: {0}', why));
  error.name = '';
  return error;
}
