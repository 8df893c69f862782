/** Fresh core clients against the bench server, one per auth type, as the extension would build them. */
import {
  createEcsClient,
  type EcsAuth,
  type EcsClient,
  type TemporaryKeyCache,
  type TokenCache,
} from '../src/core';
import { LOCAL_AGENCY } from '../test/ecs-server/agencies';
import type { ServerFacts } from './remoteEcsServer';

export type AuthType = EcsAuth['type'];

export function authFor(server: ServerFacts, type: AuthType): EcsAuth {
  const c = server.credentials;
  switch (type) {
    case 'aksk':
      return { type, accessKey: c.accessKey, secretKey: c.secretKey };
    case 'password':
      return { type, iamEndpoint: server.url, domain: c.domain, user: c.user, password: c.password };
    case 'token':
      return { type, token: c.token };
    case 'temporary':
      return { type, iamEndpoint: server.url, domain: c.domain, user: c.user, password: c.password };
    case 'agency':
      return {
        type,
        iamEndpoint: server.url,
        source: {
          type: 'password',
          domain: c.domain,
          user: c.user,
          password: c.password,
          projectId: server.projectId,
        },
        agencyDomain: { name: LOCAL_AGENCY.domainName },
        agencyName: LOCAL_AGENCY.name,
      };
  }
}

/** A new client each call: new agent, no cached token — what a cold start pays. */
export function freshCoreClient(
  server: ServerFacts,
  type: AuthType = 'aksk',
  tokenCache?: TokenCache,
  temporaryKeyCache?: TemporaryKeyCache,
): EcsClient {
  return createEcsClient({
    endpoint: server.url,
    projectId: server.projectId,
    auth: authFor(server, type),
    ...(tokenCache ? { tokenCache } : {}),
    ...(temporaryKeyCache ? { temporaryKeyCache } : {}),
  });
}
