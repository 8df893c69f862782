/**
 * What a person needs to try the local server: its endpoints, project and region, the sample
 * credentials of every sign-in method (they work on this local server only) and the servers. Printed
 * by `npm run ecs-server` and by `npm start`, so Add Profile can be tried with them.
 */
import type { EcsServerHandle } from './types';

export function banner(server: EcsServerHandle): string {
  const { credentials: c } = server;
  const lines = [
    `ECS server listening on ${server.url}`,
    `  project id:   ${server.projectId}   region: ${server.region}`,
    `  ECS endpoint: ${server.url}    IAM endpoint: ${server.url}`,
    '  credentials (this local server only):',
    `    AK/SK:            ${c.accessKey} / ${c.secretKey}`,
    `    temporary AK/SK:  ${c.temporary.accessKey} / ${c.temporary.secretKey}`,
    `      security token: ${c.temporary.securityToken}`,
    `    password:         domain ${c.domain}, user ${c.user}, password ${c.password}`,
    `    static token:     ${c.token}`,
    '  servers:',
    ...server.seed.servers.map((s) => `    ${s.id}  ${s.status.padEnd(8)} ${s.name}`),
    `  faults: curl -X POST ${server.url}/__control/faults -d '{"throttle":{"count":2,"retryAfterSeconds":1}}'`,
    'Press Ctrl-C to stop.',
  ];
  return lines.join('\n');
}
