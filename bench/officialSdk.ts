/**
 * The obvious alternative: Huawei Cloud's official Node SDK (`@huaweicloud/huaweicloud-sdk-ecs`, axios
 * underneath) with AK/SK. It has no call for one metadata key, so it does its closest GET:
 * `novaShowServer` (`GET /v2.1/{project_id}/servers/{server_id}`), whose answer carries the metadata.
 */
import Module from 'node:module';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { EcsClient } from '@huaweicloud/huaweicloud-sdk-ecs';

export interface SdkTarget {
  endpoint: string;
  projectId: string;
  accessKey: string;
  secretKey: string;
}

export interface OfficialSdkClient {
  /** Reads one key the SDK way: the whole server, then the key from its metadata. */
  getMetadataItem(serverId: string, key: string): Promise<string>;
}

/**
 * sdk-core 3.1.x requires `uuid` without declaring it as a dependency, so on a clean install it fails
 * to load. It only uses `v4()` for a user-agent id, so Node's own `randomUUID` stands in for it —
 * the request path measured here is untouched. Installed only when `uuid` really is missing.
 */
function provideUuidIfMissing(): void {
  const coreDir = path.dirname(require.resolve('@huaweicloud/huaweicloud-sdk-core/package.json'));
  try {
    require.resolve('uuid', { paths: [coreDir] });
    return;
  } catch {
    // Missing: install the stand-in below.
  }
  const fakePath = path.join(coreDir, '__bench_uuid_stand_in__.js');
  const stub = new Module(fakePath);
  stub.filename = fakePath;
  stub.loaded = true;
  stub.exports = { v4: randomUUID };
  const loader = Module as unknown as {
    _cache: Record<string, Module>;
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  loader._cache[fakePath] = stub;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'uuid' ? fakePath : resolve.call(this, request, ...rest);
  };
}

export function createOfficialSdkClient(target: SdkTarget): OfficialSdkClient {
  provideUuidIfMissing();
  // Loaded only now, after the stand-in is in place.
  const load = Module.createRequire(__filename);
  const core = load(
    '@huaweicloud/huaweicloud-sdk-core',
  ) as typeof import('@huaweicloud/huaweicloud-sdk-core');
  const ecs = load('@huaweicloud/huaweicloud-sdk-ecs') as typeof import('@huaweicloud/huaweicloud-sdk-ecs');
  const credential = new core.BasicCredentials()
    .withAk(target.accessKey)
    .withSk(target.secretKey)
    .withProjectId(target.projectId);
  const client: EcsClient = ecs.EcsClient.newBuilder()
    .withCredential(credential)
    .withEndpoint(target.endpoint)
    // A custom user agent keeps the SDK from writing an app id file into the home folder.
    .withOptions({ customUserAgent: 'ecs-metadata-explorer-bench' })
    .build();
  return {
    async getMetadataItem(serverId: string, key: string): Promise<string> {
      const answer = await client.novaShowServer(new ecs.NovaShowServerRequest().withServerId(serverId));
      const value = answer.server?.metadata?.[key];
      if (value === undefined) throw new Error(`official SDK: key ${key} not in server ${serverId}`);
      return value;
    },
  };
}
