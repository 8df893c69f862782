/**
 * The IAM (Keystone v3) routes a client needs: password login for a token, project lookup (by
 * name with a token, or every project the caller may use with AK/SK), and temporary AK/SK (for the
 * caller's user, or through an agency; asked for with a token or signed with AK/SK). The account has one project per region; Huawei names each
 * after its region.
 */
import { findAgency } from './agencies';
import { keystoneError } from './errorBodies';
import { sendJson } from './respond';
import type { RegionProject, Route, RouteContext } from './routeContext';

export function matchIamRoute(method: string, segments: string[]): Route | undefined {
  const path = segments.join('/');
  if (method === 'POST' && path === 'v3.0/OS-CREDENTIAL/securitytokens') {
    return { scope: 'global', handle: issueSecurityToken };
  }
  if (segments[0] !== 'v3') return undefined;
  if (method === 'POST' && path === 'v3/auth/tokens') return { scope: 'none', handle: issueToken };
  if (method === 'GET' && path === 'v3/projects') return { scope: 'global', handle: listProjects };
  if (method === 'GET' && path === 'v3/auth/projects') return { scope: 'global', handle: listOwnProjects };
  if (method === 'GET' && path === 'v3/auth/tokens') return { scope: 'global', handle: describeToken };
  return undefined;
}

const UNAUTHORIZED = (): object =>
  keystoneError(401, 'Unauthorized', 'The request you have made requires authentication.');

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const name of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[name];
  }
  return at;
}

/** Keystone timestamps carry microseconds: `2024-01-02T03:04:05.678000Z`. */
function keystoneTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The parsed body and its `auth.identity.methods`; a body that is not JSON is answered 400 here and gives `undefined`. */
function readAuthBody(context: RouteContext): { body: unknown; methods: unknown } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(context.body);
  } catch {
    sendJson(context.reply, 400, keystoneError(400, 'Bad Request', 'The request body is not valid JSON.'));
    return undefined;
  }
  return { body, methods: field(body, 'auth', 'identity', 'methods') };
}

function issueToken(context: RouteContext): void {
  const { state, reply } = context;
  const parsed = readAuthBody(context);
  if (!parsed) return;
  const { body, methods } = parsed;
  const user = field(body, 'auth', 'identity', 'password', 'user');
  if (!Array.isArray(methods) || !methods.includes('password') || typeof user !== 'object' || user === null) {
    return sendJson(
      reply,
      400,
      keystoneError(
        400,
        'Bad Request',
        'Expecting to find identity.methods ["password"] and identity.password.user.',
      ),
    );
  }
  const { credentials } = state;
  // Keystone takes the user's domain by name or by id.
  const domainId = field(user, 'domain', 'id');
  const ok =
    field(user, 'name') === credentials.user &&
    field(user, 'password') === credentials.password &&
    (domainId !== undefined
      ? domainId === credentials.domainId
      : field(user, 'domain', 'name') === credentials.domain);
  if (!ok) return sendJson(reply, 401, UNAUTHORIZED());

  // Huawei project names are region ids, so `scope.project.name` may be the region.
  const project = field(body, 'auth', 'scope', 'project');
  let scoped: RegionProject | undefined;
  if (project !== undefined) {
    const wantedId = field(project, 'id');
    const wantedName = field(project, 'name');
    scoped = state.regions.find((r) =>
      wantedId !== undefined ? wantedId === r.projectId : wantedName === r.region,
    );
    if (!scoped) return sendJson(reply, 401, UNAUTHORIZED());
  }
  const projectId = scoped?.projectId;

  const { token, record } = state.tokens.issue(projectId);
  const domain = { id: credentials.domainId, name: credentials.domain };
  const answer: Record<string, unknown> = {
    expires_at: keystoneTime(record.expiresAt),
    issued_at: keystoneTime(record.issuedAt),
    methods: ['password'],
    user: { id: 'c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6', name: credentials.user, domain },
  };
  if (projectId !== undefined) {
    switch (state.faults.iamTokenProject) {
      case 'scoped':
        answer.project = { id: projectId, name: scoped?.region, domain };
        break;
      case 'otherRegion':
        answer.project = { id: OTHER_PROJECTS[0].id, name: OTHER_PROJECTS[0].name, domain };
        break;
      case 'omitted':
        break;
    }
  }
  if (context.query.get('nocatalog') !== 'true' && projectId !== undefined) {
    answer.catalog = serviceCatalog(state);
  }
  sendJson(reply, 201, { token: answer }, { 'X-Subject-Token': token });
}

/**
 * Shaped like a Keystone v3 catalog: several services, each endpoint with `interface`, `region` and
 * `region_id`. Only the public compute endpoints of this server's regions reach this server (each
 * with its region's project); the internal one and an unknown region's point at addresses nobody
 * answers, so a client that picks the wrong entry fails loudly.
 */
function serviceCatalog(state: RouteContext['state']): object[] {
  const base = state.baseUrl();
  const endpoint = (iface: string, region: string, url: string): object => ({
    id: `${iface}-${region}`,
    interface: iface,
    region,
    region_id: region,
    url,
  });
  return [
    {
      type: 'identity',
      name: 'keystone',
      endpoints: [endpoint('public', state.region, `${base}/v3`)],
    },
    {
      type: 'compute',
      name: 'nova',
      endpoints: [
        endpoint('internal', state.region, `http://127.0.0.1:9/v2.1/${state.projectId}`),
        endpoint('public', 'other-region-1', `http://127.0.0.1:9/v2.1/${state.projectId}`),
        ...state.regions.map((r) => endpoint('public', r.region, `${base}/v2.1/${r.projectId}`)),
      ],
    },
  ];
}

/** `GET /v3/auth/tokens`: Keystone describes the token in `X-Subject-Token` (catalog included). */
function describeToken(context: RouteContext): void {
  const { state, reply } = context;
  const subject = context.req.headers['x-subject-token'];
  const record = typeof subject === 'string' ? state.tokens.check(subject) : undefined;
  if (!record) {
    return sendJson(reply, 404, keystoneError(404, 'Not Found', 'Could not find token.'));
  }
  const answer: Record<string, unknown> = {
    expires_at: keystoneTime(record.expiresAt),
    issued_at: keystoneTime(record.issuedAt),
    methods: ['token'],
  };
  if (record.projectId !== undefined) {
    const region = state.regions.find((r) => r.projectId === record.projectId)?.region;
    answer.project = { id: record.projectId, name: region };
    if (context.query.get('nocatalog') !== 'true') answer.catalog = serviceCatalog(state);
  }
  sendJson(reply, 200, { token: answer }, { 'X-Subject-Token': subject as string });
}

/** Projects of other regions the account also has, for the `iam…` switches. */
const OTHER_PROJECTS = [
  { id: '7e1d2c3b4a5f46e7d8c9b0a1f2e3d4c5', name: 'cn-other-1' },
  { id: '8f2e3d4c5b6a47f8e9d0c1b2a3f4e5d6', name: 'cn-other-1_sub' },
];

function listProjects(context: RouteContext): void {
  const { state } = context;
  if (state.faults.iamProjectList === 'forbidden') {
    return sendJson(
      context.reply,
      403,
      keystoneError(
        403,
        'Forbidden',
        'You are not authorized to perform the requested action: identity:list_projects.',
      ),
    );
  }
  if (state.faults.iamProjectList === 'otherRegions') {
    const projects = OTHER_PROJECTS.map((p) => ({
      ...p,
      enabled: true,
      domain_id: 'd0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5',
    }));
    return sendJson(context.reply, 200, { projects, links: { self: `${state.baseUrl()}/v3/projects` } });
  }
  const name = context.query.get('name');
  const projects = accountProjects(state).filter((p) => name === undefined || name === p.name);
  sendJson(context.reply, 200, {
    projects,
    links: { self: `${state.baseUrl()}/v3/projects`, next: null, previous: null },
  });
}

function accountProjects(state: RouteContext['state']): { id: string; name: string }[] {
  return state.regions.map((r) => ({
    id: r.projectId,
    name: r.region,
    enabled: true,
    domain_id: 'd0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5',
  }));
}

/**
 * `GET /v3/auth/projects`: every project the caller may use, whatever the credential (the AK/SK way
 * to find a region's project). Other projects of the account come first, as on a real account
 * whose list is not in region order, so a client must pick by name.
 */
function listOwnProjects(context: RouteContext): void {
  const { state } = context;
  const others = OTHER_PROJECTS.map((p) => ({
    ...p,
    enabled: true,
    domain_id: 'd0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5',
  }));
  const projects = [...others, ...accountProjects(state).reverse()];
  sendJson(context.reply, 200, {
    projects,
    links: { self: `${state.baseUrl()}/v3/auth/projects`, next: null, previous: null },
  });
}

/**
 * `POST /v3.0/OS-CREDENTIAL/securitytokens`: temporary AK/SK for `duration_seconds` (900..86400,
 * default 900), `201 {"credential": {access, secret, securitytoken, expires_at}}`. Method `token`: for
 * the caller's user. Method `assume_role`: for an agency of another account (`domain_name` or
 * `domain_id`, `agency_name`, `session_user.name`?); 404 for an agency the server does not know, 403
 * when the user lacks the Agent Operator role (`iamAgentOperator: false`).
 *
 * The caller proves itself as Huawei's IAM takes it (the route is `global`, so `checkAuth` has already
 * checked it, a bad signature answering 401): a token in `X-Auth-Token`, or an SDK-HMAC-SHA256
 * signature — by the account's permanent AK/SK (CreateTemporaryAccessKeyByToken/ByAgency as the SDK
 * and KooCLI send them), or by temporary AK/SK with their security token, which Huawei takes for
 * `assume_role`. Whether it also takes temporary keys for method `token` (new temporary keys from
 * temporary keys) is not documented; this server keeps it simple and takes any valid signature for
 * both methods — the extension only ever signs method `token` with permanent keys.
 */
function issueSecurityToken(context: RouteContext): void {
  const { state, reply } = context;
  const parsed = readAuthBody(context);
  if (!parsed) return;
  const { body, methods } = parsed;
  const method = Array.isArray(methods) && methods.length === 1 ? methods[0] : undefined;
  if (method !== 'token' && method !== 'assume_role') {
    return sendJson(
      reply,
      400,
      keystoneError(400, 'Bad Request', 'Expecting identity.methods ["token"] or ["assume_role"].'),
    );
  }
  const params = field(body, 'auth', 'identity', method);
  const duration = field(params, 'duration_seconds') ?? 900;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 900 || duration > 86400) {
    return sendJson(
      reply,
      400,
      keystoneError(400, 'Bad Request', 'duration_seconds must be a whole number from 900 to 86400.'),
    );
  }
  if (method === 'assume_role') {
    const refusal = assumeRoleRefusal(state, params);
    if (refusal) return sendJson(reply, refusal.status, refusal.body);
  }
  const issued = state.temporary.issue(duration);
  sendJson(reply, 201, {
    credential: {
      access: issued.accessKey,
      secret: issued.secretKey,
      securitytoken: issued.securityToken,
      expires_at: keystoneTime(issued.expiresAt),
    },
  });
}

/** Why `assume_role` is refused, in Keystone's error shape; undefined when it is allowed. */
function assumeRoleRefusal(
  state: RouteContext['state'],
  params: unknown,
): { status: number; body: object } | undefined {
  const domainName = field(params, 'domain_name');
  const domainId = field(params, 'domain_id');
  const agencyName = field(params, 'agency_name');
  const sessionUser = field(params, 'session_user');
  if (
    (typeof domainName !== 'string' && typeof domainId !== 'string') ||
    typeof agencyName !== 'string' ||
    (sessionUser !== undefined && typeof field(sessionUser, 'name') !== 'string')
  ) {
    return {
      status: 400,
      body: keystoneError(
        400,
        'Bad Request',
        'Expecting assume_role.domain_name or domain_id, agency_name, and session_user.name when given.',
      ),
    };
  }
  const agency = findAgency(state.faults.iamAgencies, { name: domainName, id: domainId }, agencyName);
  if (!agency) {
    return {
      status: 404,
      body: keystoneError(404, 'Not Found', `Could not find agency: ${agencyName}.`),
    };
  }
  if (!state.faults.iamAgentOperator) {
    return {
      status: 403,
      body: keystoneError(
        403,
        'Forbidden',
        'You are not authorized to perform the requested action: identity:assume_role. The user needs the Agent Operator role in the delegating account.',
      ),
    };
  }
  return undefined;
}
