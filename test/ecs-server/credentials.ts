/**
 * The credentials the local server accepts. Fixed rather than random so a profile written for
 * `npm start` or the README keeps working across restarts; they only ever open this loopback server.
 */
import type { EcsServerCredentials } from './types';

export function localCredentials(): EcsServerCredentials {
  return {
    accessKey: 'LOCALAKEXAMPLE000001',
    secretKey: 'LocalSecretKeyExample0000000000000000001',
    temporary: {
      accessKey: 'LOCALTEMPAKEXAMPLE01',
      secretKey: 'LocalTemporarySecretKeyExample0000000001',
      securityToken: 'gQpjbi1ub3J0aC00LWxvY2FsLXNlY3VyaXR5LXRva2VuLWV4YW1wbGUtMDAwMDAx',
    },
    domain: 'local-domain',
    domainId: 'd0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5',
    user: 'local-user',
    password: 'local-Passw0rd!',
    token: 'MIITlocal-static-token-always-valid-0000000000000000000000000000',
  };
}
