import * as vscode from 'vscode';
import type { ClientProvider } from '../clients/clientProvider';
import type { ErrorSubject } from '../errors/userMessage';
import type { ProfileStore } from '../profiles/profileStore';
import type { KeyTarget } from '../core';

/** A fresh read of one key, with what the panel and a support request need. */
export interface KeyRead {
  /** The target, with the server name filled in when it could be found. */
  target: KeyTarget;
  value: string;
  requestId?: string;
  /** ISO 8601. */
  fetchedAt: string;
}

export interface KeyReaderDeps {
  profiles: ProfileStore;
  clients: ClientProvider;
}

/**
 * Reads a key fresh (never from a cache) with a cancellable progress notification; `signal` (the
 * panel closing) cancels it too. When the server's name is not known from the caller or the
 * profile, it is asked for alongside the read; a failure there never fails the read.
 */
export function readKeyWithProgress(
  deps: KeyReaderDeps,
  target: KeyTarget,
  signal?: AbortSignal,
): Promise<KeyRead> {
  return Promise.resolve(
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t(
          'Reading metadata key "{0}" of server {1}…',
          target.key,
          target.serverName ?? target.serverId,
        ),
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        const cancel = (): void => abort.abort();
        const subscription = token.onCancellationRequested(cancel);
        signal?.addEventListener('abort', cancel, { once: true });
        if (signal?.aborted) cancel();
        try {
          return await readKey(deps, target, abort.signal);
        } finally {
          subscription.dispose();
          signal?.removeEventListener('abort', cancel);
        }
      },
    ),
  );
}

/**
 * What a failed read is described with: the server by name when the caller or the profile knows it
 * (the panel shows the id beside it), so the message says "web-01", not a UUID.
 */
export function keyErrorSubject(deps: KeyReaderDeps, target: KeyTarget): ErrorSubject {
  const serverName =
    target.serverName ??
    deps.profiles.get(target.profile)?.servers.find((s) => s.id === target.serverId)?.name;
  const subject: ErrorSubject = { profile: target.profile, serverId: target.serverId, key: target.key };
  if (serverName) subject.serverName = serverName;
  return subject;
}

/** A fresh read without any UI (a script's read); see readKeyWithProgress for the name lookup. */
export async function readKey(
  deps: KeyReaderDeps,
  target: KeyTarget,
  signal?: AbortSignal,
): Promise<KeyRead> {
  const client = await deps.clients.get(target.profile, target.region);
  const knownName =
    target.serverName ??
    deps.profiles.get(target.profile)?.servers.find((s) => s.id === target.serverId)?.name;
  const [read, server] = await Promise.all([
    client.readMetadataItem(target.serverId, target.key, { signal }),
    knownName === undefined
      ? client.getServer(target.serverId, { signal }).catch(() => undefined)
      : undefined,
  ]);
  const serverName = knownName ?? server?.name;
  const result: KeyRead = {
    target: serverName ? { ...target, serverName } : { ...target },
    value: read.value,
    fetchedAt: new Date().toISOString(),
  };
  if (read.requestId !== undefined) result.requestId = read.requestId;
  return result;
}
