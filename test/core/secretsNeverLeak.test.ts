import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  createEcsClient,
  destroyAgents,
  redactSecrets,
  type EcsAuth,
  type RequestEvent,
} from '../../src/core';
import {
  AUTH_TYPES,
  WEB_01,
  authFor,
  rejectionOf,
  secretsOf,
  startAdHocIam,
  useEcsServer,
  type AdHocServer,
} from './fixtures';

const PROJECT = '0b5b8a1f3e6c4d7a9f2e1c0d8b7a6f5e';

/** Every way a thrown error or an event could be shown, logged or sent somewhere. */
function renderings(value: unknown): string[] {
  const record = value as Record<string, unknown>;
  return [
    JSON.stringify(value),
    inspect(value),
    inspect(value, { depth: 5 }),
    String(value),
    (value as Error).message ?? '',
    (value as Error).stack ?? '',
    JSON.stringify(Object.keys(record).map((k) => record[k])),
  ];
}

function assertNoSecret(value: unknown, secrets: string[]): void {
  for (const text of renderings(value)) {
    for (const secret of secrets)
      assert.ok(!text.includes(secret), `a secret leaked into: ${text.slice(0, 300)}`);
  }
}

describe('secrets never leak', () => {
  describe('with the local ECS server', () => {
    const server = useEcsServer();

    const wrong: Record<string, (auth: EcsAuth) => EcsAuth> = {
      aksk: (a) => ({ ...(a as Extract<EcsAuth, { type: 'aksk' }>), secretKey: 'wrong-but-secret-SK-1234' }),
      temporary: (a) => ({
        ...(a as Extract<EcsAuth, { type: 'aksk' }>),
        secretKey: 'wrong-but-secret-SK-5678',
      }),
      token: () => ({ type: 'token', token: 'MIITwrong-but-secret-token' }),
      password: (a) => ({
        ...(a as Extract<EcsAuth, { type: 'password' }>),
        password: 'wrong-but-secret-pw',
      }),
    };

    for (const type of AUTH_TYPES) {
      it(`keeps ${type} credentials out of errors and events when the credentials are rejected`, async () => {
        const events: RequestEvent[] = [];
        const auth = wrong[type](authFor(server(), type));
        const client = createEcsClient({
          endpoint: server().url,
          projectId: server().projectId,
          auth,
          onRequest: (e) => events.push(e),
        });
        const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
        assert.equal((error as { kind: string }).kind, 'auth');
        const secrets = [
          ...secretsOf(server()),
          ...Object.values(auth).filter((v): v is string => typeof v === 'string' && /wrong|MII/.test(v)),
        ];
        assertNoSecret(error, secrets);
        assertNoSecret(events, secrets);
      });

      it(`keeps ${type} credentials out of errors of every other kind`, async () => {
        const events: RequestEvent[] = [];
        const client = createEcsClient({
          endpoint: server().url,
          projectId: server().projectId,
          auth: authFor(server(), type),
          onRequest: (e) => events.push(e),
          // Long enough that a loaded machine answers each fault before it; the hang then takes it whole.
          timeoutMs: 1_500,
          maxAttempts: 1,
        });
        const errors = [await rejectionOf(client.getMetadataItem(WEB_01, 'missing'))];
        for (const fault of [
          { serverError: { count: 1, status: 503 as const } },
          { htmlError: { count: 1 } },
          { malformedJson: { count: 1 } },
          { reset: { count: 1 } },
          { hang: { count: 1 } },
          { throttle: { count: 1 } },
        ]) {
          // A reset on a reused connection would be resent at once on a new one, and succeed.
          if ('reset' in fault) destroyAgents();
          server().setFaults(fault);
          errors.push(await rejectionOf(client.getMetadataItem(WEB_01, 'owner')));
        }
        assert.deepEqual(
          errors.map((e) => (e as { kind: string }).kind),
          ['keyNotFound', 'server', 'server', 'badResponse', 'network', 'timeout', 'throttled'],
        );
        for (const error of errors) assertNoSecret(error, secretsOf(server()));
        assertNoSecret(events, secretsOf(server()));
      });
    }
  });

  describe('when a server echoes the request headers back in its error message', () => {
    let echo: AdHocServer;
    const issuedToken = 'MIITissued-token-that-is-secret-0123456789';
    before(async () => {
      echo = await startAdHocIam((req, res) => {
        const lines = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`);
        res.writeHead(Number(/status=(\d+)/.exec(req.url ?? '')?.[1] ?? 400), {
          'Content-Type': 'application/json',
        });
        res.end(
          JSON.stringify({
            error_code: 'ECHO.0001',
            error_msg: `headers were ${lines.join('|')}`,
            request_id: 'echo-1',
          }),
        );
      }, issuedToken);
    });
    after(() => echo.close());

    const auths: Record<string, EcsAuth> = {
      aksk: { type: 'aksk', accessKey: 'AKECHOTEST000000', secretKey: 'sk-echo-secret-value-000' },
      temporary: {
        type: 'aksk',
        accessKey: 'AKECHOTEMP000000',
        secretKey: 'sk-echo-secret-value-111',
        securityToken: 'st-echo-security-token-222',
      },
      token: { type: 'token', token: 'MIITecho-static-token-333' },
      password: {
        type: 'password',
        iamEndpoint: '',
        domain: 'dom',
        user: 'usr',
        password: 'pw-echo-secret-444',
      },
    };

    for (const [type, auth] of Object.entries(auths)) {
      for (const status of [400, 401, 403, 500]) {
        it(`masks ${type} secrets echoed in a ${status} message`, async () => {
          const client = createEcsClient({
            endpoint: echo.url,
            projectId: PROJECT,
            auth: auth.type === 'password' ? { ...auth, iamEndpoint: echo.url } : auth,
            maxAttempts: 1,
          });
          // listServers lets the test choose the status through the query.
          const error = await rejectionOf(client.listServers({ name: `status=${status}` }));
          const secrets = [
            'sk-echo-secret-value-000',
            'sk-echo-secret-value-111',
            'st-echo-security-token-222',
            'MIITecho-static-token-333',
            'pw-echo-secret-444',
            issuedToken,
          ];
          assertNoSecret(error, secrets);
          // The echo did arrive (so the test is meaningful): the error keeps the harmless parts.
          assert.match(
            `${(error as { serverMessage?: string }).serverMessage}`,
            /user-agent: ecs-metadata-explorer-core/,
          );
        });
      }
    }
  });

  describe('when a server quotes a credential bare in its error message (not as a header line)', () => {
    let quoting: AdHocServer;
    const issuedToken = 'MIITissued-bare-token-0123456789';
    before(async () => {
      quoting = await startAdHocIam((req, res) => {
        const credential = String(req.headers['x-security-token'] ?? req.headers['x-auth-token'] ?? '');
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error_code: 'QUOTE.0001',
            error_msg: `credential ${credential} may not do this`,
            request_id: 'quote-1',
          }),
        );
      }, issuedToken);
    });
    after(() => quoting.close());

    const cases: [string, EcsAuth, string][] = [
      [
        'a security token',
        {
          type: 'aksk',
          accessKey: 'AKQUOTETEMP00000',
          secretKey: 'sk-quote-secret-value-111',
          securityToken: 'st-quote-security-token-222',
        },
        'st-quote-security-token-222',
      ],
      [
        'an issued IAM token',
        { type: 'password', iamEndpoint: '', domain: 'dom', user: 'usr', password: 'pw-quote-secret-444' },
        issuedToken,
      ],
    ];
    for (const [what, auth, secret] of cases) {
      it(`masks ${what}`, async () => {
        const client = createEcsClient({
          endpoint: quoting.url,
          projectId: PROJECT,
          auth: auth.type === 'password' ? { ...auth, iamEndpoint: quoting.url } : auth,
          maxAttempts: 1,
        });
        const error = await rejectionOf(client.getMetadataItem(WEB_01, 'owner'));
        assertNoSecret(error, [secret]);
        // The quote did arrive (so the test is meaningful), with the secret masked.
        assert.match(`${(error as { serverMessage?: string }).serverMessage}`, /credential \*\*\* may not/);
      });
    }
  });

  describe('redactSecrets', () => {
    it('masks header values, signatures, JSON secret fields and exact known secrets', () => {
      const text = [
        'Authorization: SDK-HMAC-SHA256 Access=AKAKAKAK, SignedHeaders=host;x-sdk-date, Signature=abcdef0123',
        'X-Auth-Token: MIITtoken',
        'x-security-token:stsTOKEN|x-sdk-date:20240101T000000Z',
        'X-Subject-Token=MIITsubject',
        '{"password":"hunter2","user":"bob","secretKey":"s3cr3t"}',
        'the SK is plainSecretValue',
      ].join('\n');
      const out = redactSecrets(text, ['plainSecretValue']);
      for (const secret of [
        'abcdef0123',
        'AKAKAKAK',
        'MIITtoken',
        'stsTOKEN',
        'MIITsubject',
        'hunter2',
        's3cr3t',
        'plainSecretValue',
      ]) {
        assert.ok(!out.includes(secret), `${secret} survived: ${out}`);
      }
      assert.ok(out.includes('x-sdk-date:20240101T000000Z') && out.includes('"user":"bob"'), out);
    });
  });
});
