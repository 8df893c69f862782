/** Who is calling: an AK/SK signature (checked with the official signer) or an IAM token. */
import type * as http from 'node:http';
import { parseAuthorization, verifySignature } from './akskVerifier';
import { gatewayError, novaFault } from './errorBodies';
import type { TemporaryCredentialStore } from './temporaryCredentials';
import type { TokenStore } from './tokenStore';
import type { EcsServerCredentials } from './types';

export interface AuthContext {
  credentials: EcsServerCredentials;
  tokens: TokenStore;
  temporary?: TemporaryCredentialStore;
  /** The projects of this account, one per region. */
  projectIds: readonly string[];
}

export interface AuthRequest {
  req: http.IncomingMessage;
  rawPath: string;
  rawQuery: string;
  requestId: string;
  /** The body exactly as received: the signature covers its bytes. */
  body: string;
}

/**
 * `project`: an ECS call, which must be scoped to a project (X-Project-Id for AK/SK, a
 * project-scoped token). `global`: an IAM call, any valid credential will do.
 */
export type AuthScope = 'project' | 'global';

export type AuthOutcome =
  | { ok: true; projectId?: string }
  | { ok: false; status: number; body: object; headers?: Record<string, string> };

const NEEDS_AUTH = 'The request you have made requires authentication.';

export function checkAuth(request: AuthRequest, scope: AuthScope, context: AuthContext): AuthOutcome {
  const { req } = request;
  const authorization = req.headers.authorization;
  if (authorization !== undefined) return checkAkSk(request, authorization, scope, context);
  const token = req.headers['x-auth-token'];
  if (typeof token === 'string' && token !== '') {
    const record = context.tokens.check(token);
    if (!record || (scope === 'project' && record.projectId === undefined)) {
      return { ok: false, status: 401, body: novaFault('unauthorized', 401, NEEDS_AUTH) };
    }
    return { ok: true, projectId: record.projectId };
  }
  return { ok: false, status: 401, body: novaFault('unauthorized', 401, NEEDS_AUTH) };
}

function checkAkSk(
  request: AuthRequest,
  authorization: string,
  scope: AuthScope,
  context: AuthContext,
): AuthOutcome {
  const { req, requestId } = request;
  const reject = (why: string): AuthOutcome => ({
    ok: false,
    status: 401,
    body: gatewayError(
      'APIGW.0301',
      why.startsWith('Incorrect') ? why : `Incorrect IAM authentication information: ${why}`,
      requestId,
    ),
  });
  const parsed = parseAuthorization(authorization);
  if (!parsed)
    return reject('the Authorization header is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…');

  const { credentials } = context;
  let secretKey: string;
  if (parsed.accessKey === credentials.accessKey) {
    secretKey = credentials.secretKey;
  } else if (parsed.accessKey === credentials.temporary.accessKey) {
    secretKey = credentials.temporary.secretKey;
    if (!parsed.signedHeaders.includes('x-security-token'))
      return reject('temporary credentials must sign X-Security-Token');
    if (req.headers['x-security-token'] !== credentials.temporary.securityToken) {
      return reject('the security token does not belong to this access key');
    }
  } else {
    const issued = context.temporary?.check(parsed.accessKey) ?? 'unknown';
    if (issued === 'unknown') return reject('the access key does not exist');
    // Huawei's answer to an expired temporary AK/SK: 401 saying the security token expired.
    if (issued === 'expired') return reject('the security token has expired');
    secretKey = issued.secretKey;
    if (!parsed.signedHeaders.includes('x-security-token'))
      return reject('temporary credentials must sign X-Security-Token');
    if (req.headers['x-security-token'] !== issued.securityToken) {
      return reject('the security token does not belong to this access key');
    }
  }

  const verdict = verifySignature(
    {
      method: req.method ?? 'GET',
      rawPath: request.rawPath,
      rawQuery: request.rawQuery,
      headers: req.headers,
      body: request.body,
    },
    parsed,
    secretKey,
  );
  if (!verdict.ok) return reject(verdict.message);

  if (scope === 'global') return { ok: true };
  const projectHeader = req.headers['x-project-id'];
  if (typeof projectHeader !== 'string' || projectHeader === '') {
    return reject('X-Project-Id is required with AK/SK for project-level services');
  }
  if (!context.projectIds.includes(projectHeader))
    return reject('the project in X-Project-Id is not a project of this account');
  return { ok: true, projectId: projectHeader };
}
