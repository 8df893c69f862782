/**
 * Writing metadata: set one key, delete one key, merge several — on the Nova route, or the native
 * `/v1 cloudservers` one where the Nova route is gone. Input is checked before any request; the body is
 * serialized once, and those exact bytes are signed and sent. The replace-all `PUT …/metadata`
 * (which deletes every key not in its body) is deliberately not reachable from here.
 */
import { EcsError } from './errors';
import type { ApiCall, RequestExecutor } from './requestExecutor';
import { novaMetadata } from './responseShapes';
import type { CallOptions, EcsClient, WriteReceipt } from './types';
import {
  validateMetadataChanges,
  validateMetadataKey,
  validateMetadataValue,
  validateServerId,
} from './validation';

/** IAM actions of each write route (ECS API notes §7). */
export const WRITE_PERMISSIONS = {
  novaSet: 'ecs:servers:setMetadata',
  nativeUpdate: 'ecs:cloudServers:updateMetadata',
  nativeDelete: 'ecs:cloudServers:deleteMetadata',
} as const;

export interface WriteDeps {
  executor: RequestExecutor;
  projectId: string;
  /** Nova first; the native route when (and only when) the Nova route itself is gone. */
  viaNovaOrNative<T>(nova: () => Promise<T>, native: () => Promise<T>): Promise<T>;
  listMetadata: EcsClient['listMetadata'];
}

type Writes = Pick<EcsClient, 'setMetadataItem' | 'deleteMetadataItem' | 'updateMetadata'>;

export function metadataWrites(deps: WriteDeps): Writes {
  const { executor, projectId, viaNovaOrNative } = deps;

  const call = (
    family: 'nova' | 'native',
    serverId: string,
    tail: string[],
    permission: string,
    extra: Partial<ApiCall> & { key?: string },
  ): ApiCall => {
    const { key, ...rest } = extra;
    return {
      segments:
        family === 'nova'
          ? ['v2.1', projectId, 'servers', serverId, 'metadata', ...tail]
          : ['v1', projectId, 'cloudservers', serverId, 'metadata', ...tail],
      context: { serverId, projectId, permission, ...(key !== undefined ? { key } : {}) },
      // Every metadata write sets or removes the same keys to the same values when repeated.
      resendSafe: true,
      ...rest,
    };
  };

  /** A quota refusal, completed with how many keys the server has (one extra read, only on that failure). */
  async function explainQuota<T>(serverId: string, writing: number, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof EcsError) || error.kind !== 'quota') throw error;
      let keyCount: number;
      try {
        keyCount = Object.keys(await deps.listMetadata(serverId)).length;
      } catch {
        throw error;
      }
      const may = error.keyQuota !== undefined ? `may have at most ${error.keyQuota}` : 'is at its quota';
      const where = error.requestId ? ` (request id ${error.requestId})` : '';
      throw new EcsError(
        'quota',
        `Server ${serverId} has ${keyCount} metadata keys and ${may}; this change writes ${writing} ${writing === 1 ? 'key' : 'keys'}. Remove keys first, or ask for a larger metadata_items quota.${where}`,
        {
          ...(error.status !== undefined ? { status: error.status } : {}),
          ...(error.code !== undefined ? { code: error.code } : {}),
          ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
          ...(error.serverMessage !== undefined ? { serverMessage: error.serverMessage } : {}),
          ...(error.keyQuota !== undefined ? { keyQuota: error.keyQuota } : {}),
          keyCount,
          cause: error,
        },
      );
    }
  }

  async function setMetadataItem(
    serverId: string,
    key: string,
    value: string,
    opts: CallOptions = {},
  ): Promise<WriteReceipt> {
    validateServerId(serverId);
    validateMetadataKey(key);
    validateMetadataValue(value, key);
    const items = { [key]: value };
    return explainQuota(serverId, 1, () =>
      viaNovaOrNative(
        async () => {
          const answer = await executor.send(
            call('nova', serverId, [key], WRITE_PERMISSIONS.novaSet, {
              method: 'PUT',
              body: JSON.stringify({ meta: items }),
              signal: opts.signal,
              key,
            }),
          );
          return receipt('nova', answer.requestId);
        },
        async () => {
          const answer = await executor.send(
            call('native', serverId, [], WRITE_PERMISSIONS.nativeUpdate, {
              method: 'POST',
              body: JSON.stringify({ metadata: items }),
              signal: opts.signal,
              key,
            }),
          );
          return receipt('native', answer.requestId);
        },
      ),
    );
  }

  async function deleteMetadataItem(
    serverId: string,
    key: string,
    opts: CallOptions = {},
  ): Promise<WriteReceipt> {
    validateServerId(serverId);
    validateMetadataKey(key);
    const remove = async (family: 'nova' | 'native', permission: string): Promise<WriteReceipt> => {
      const answer = await executor.send(
        call(family, serverId, [key], permission, {
          method: 'DELETE',
          signal: opts.signal,
          key,
          doneWhenMissing: 'keyNotFound',
        }),
      );
      const done = receipt(family, answer.requestId);
      return answer.doneEarlier ? { ...done, doneEarlier: true } : done;
    };
    return viaNovaOrNative(
      () => remove('nova', WRITE_PERMISSIONS.novaSet),
      () => remove('native', WRITE_PERMISSIONS.nativeDelete),
    );
  }

  async function updateMetadata(
    serverId: string,
    metadata: Record<string, string>,
    opts: CallOptions = {},
  ): Promise<Record<string, string>> {
    validateServerId(serverId);
    validateMetadataChanges(metadata);
    // Own properties only, copied, so what is validated is exactly what is serialized.
    const body = JSON.stringify({ metadata: Object.fromEntries(Object.entries(metadata)) });
    return explainQuota(serverId, Object.keys(metadata).length, () =>
      viaNovaOrNative(
        async () => {
          const answer = await executor.send(
            call('nova', serverId, [], WRITE_PERMISSIONS.novaSet, {
              method: 'POST',
              body,
              signal: opts.signal,
            }),
          );
          // Nova answers every key after the merge.
          return novaMetadata(answer.json, answer.requestId);
        },
        async () => {
          await executor.send(
            call('native', serverId, [], WRITE_PERMISSIONS.nativeUpdate, {
              method: 'POST',
              body,
              signal: opts.signal,
            }),
          );
          // The native API echoes only the keys given: read the server for all of them.
          return deps.listMetadata(serverId, opts);
        },
      ),
    );
  }

  return { setMetadataItem, deleteMetadataItem, updateMetadata };
}

function receipt(api: 'nova' | 'native', requestId: string | undefined): WriteReceipt {
  return requestId ? { api, requestId } : { api };
}
