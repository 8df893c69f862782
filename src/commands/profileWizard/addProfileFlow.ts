import * as vscode from 'vscode';
import { l10n } from 'vscode';
import { normalizeEndpoint, otherServicePath, serverIdProblem } from '../../core';
import { connectionWorked, testConnection, type ConnectionReport } from '../../clients/connectionTest';
import type { Credentials } from '../../credentials/credentials';
import { describeConnection, type SuspectSetting } from '../../clients/connectionMessage';
import {
  endpointInputProblem,
  endpointTrimNote,
  otherServiceNote,
  projectIdInputProblem,
  serverIdInputProblem,
  profileNameInputProblem,
} from '../../errors/inputProblems';
import type { RequestEvent } from '../../core';
import {
  usesPassword,
  type AuthType,
  type Profile,
  type ProfileSetting,
  type ServerRef,
} from '../../profiles/profile';
import {
  akskCredentials,
  securityTokenExpiryBox,
  temporarySourceQuestion,
  type TemporarySource,
} from '../../credentials/promptCredentials';
import { SetupError } from '../../errors/setupError';
import { huaweiRegions } from '../../profiles/regions';
import { resolveProfile } from '../../profiles/resolveProfile';
import { InputFlowAction, MultiStepInput, type InputStep } from '../../input/multiStepInput';

export interface ProfileInput {
  profile: ProfileSetting;
  /** None for an agency profile, which acts with its source profile's credentials. */
  credentials: Credentials | undefined;
}

/** The profiles an agency profile may act with (any but another agency), and their secrets. */
export interface AgencySources {
  names: readonly string[];
  /** The source profile and its stored credentials, when it has any. */
  load(name: string): Promise<{ profile: Profile; credentials: Credentials } | undefined>;
}

/** What the user answered so far; kept across Back, so each step shows its last answer. */
interface Answers {
  name?: string;
  /** A Huawei Cloud region id, or undefined for another OpenStack-compatible cloud. */
  region?: string;
  otherCloud?: boolean;
  ecsEndpoint?: string;
  auth?: AuthType;
  /** What obtains a temporary profile's keys: its password (the default) or a permanent AK/SK. */
  temporarySource?: TemporarySource;
  iamEndpoint?: string;
  domain?: string;
  user?: string;
  projectId?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  securityTokenExpiresAt?: string;
  password?: string;
  token?: string;
  sourceProfile?: string;
  agencyDomain?: string;
  agencyName?: string;
  report?: ConnectionReport;
  byId?: boolean;
  serverIds?: string;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/**
 * Add Profile's questions as a multi-step input: name, cloud, endpoints (other clouds), sign-in
 * method and its fields (an agency: source profile, account, agency name), project id, secrets;
 * then the test call (on failure: Back to the step it points at, or Save Anyway); last, discover
 * the project's servers or add some by id.
 */
export class AddProfileFlow {
  private readonly a: Answers = {};
  private readonly title = vscode.l10n.t('Add ECS Profile');

  constructor(
    private readonly existingNames: ReadonlySet<string>,
    private readonly onRequest: (event: RequestEvent) => void,
    private readonly sources: AgencySources = { names: [], load: async () => undefined },
  ) {}

  async run(): Promise<ProfileInput | undefined> {
    const done = await MultiStepInput.run(this.title, () => this.totalSteps(), this.askName);
    return done ? this.input() : undefined;
  }

  /**
   * The questions this path asks, with the answers so far and, for a question not answered yet,
   * the answer Enter gives (another cloud, an access key): `2/9` at first, `3/8` once a Huawei
   * region is picked. The test report and the follow-ups to an answer (a token's expiry, the
   * server ids) show no counter, so the total never grows as the path goes on.
   */
  private totalSteps(): number {
    const { auth } = this.a;
    const otherCloud = this.a.otherCloud ?? true;
    const keys = this.temporaryKeys();
    const password = auth !== undefined && usesPassword(auth) && !keys;
    const secretSteps = auth === 'agency' ? 0 : auth === 'aksk' || auth === undefined ? 3 : keys ? 2 : 1;
    return (
      2 + // name, cloud
      (otherCloud ? 1 : 0) +
      1 + // sign-in method
      (auth === 'temporary' ? 1 : 0) + // password or permanent keys
      (password ? (otherCloud ? 3 : 2) : 0) +
      (keys && otherCloud ? 1 : 0) + // the IAM endpoint the keys are signed for
      (auth === 'agency' ? 3 : 0) + // source profile, account, agency
      1 + // project id
      secretSteps +
      1 // discover or by id
    );
  }

  private readonly askName: InputStep = async (input) => {
    this.a.name = await input.showInputBox({
      prompt: vscode.l10n.t('A name for this profile'),
      value: this.a.name,
      validate: (v) =>
        !v
          ? vscode.l10n.t('Required')
          : (profileNameInputProblem(v) ??
            (this.existingNames.has(v)
              ? vscode.l10n.t('A profile named "{0}" already exists.', v)
              : undefined)),
    });
    return this.askCloud;
  };

  private readonly askCloud: InputStep = async (input) => {
    const other: Choice<string | undefined> = {
      label: vscode.l10n.t('Other OpenStack-compatible cloud…'),
      description: vscode.l10n.t('enter the endpoints yourself'),
      value: undefined,
    };
    const regions = huaweiRegions.map((r): Choice<string | undefined> => ({
      label: r,
      description: vscode.l10n.t('Huawei Cloud'),
      value: r,
    }));
    const items = [other, ...regions];
    const picked = await input.showQuickPick({
      prompt: vscode.l10n.t('Huawei Cloud region, or another cloud'),
      items,
      activeItem: this.a.otherCloud ? other : regions.find((r) => r.value === this.a.region),
    });
    this.a.otherCloud = picked === other;
    this.a.region = picked.value;
    return this.a.otherCloud ? this.askComputeEndpoint : this.askAuth;
  };

  /** A step that asks for one answer (shown again after Back) and goes on to the step `next` names. */
  private step<K extends keyof Answers>(
    field: K,
    ask: (input: MultiStepInput, value: Answers[K] | undefined) => Promise<Answers[K]>,
    next: () => InputStep | undefined,
  ): InputStep {
    return async (input) => {
      this.a[field] = await ask(input, this.a[field]);
      return next();
    };
  }

  private readonly askComputeEndpoint: InputStep = this.step(
    'ecsEndpoint',
    (input, value) =>
      this.askEndpoint(
        input,
        vscode.l10n.t(
          'Compute (Nova) endpoint, as in the service catalog: https://host:8774 — a trailing /v2.1 or /v2.1/{project_id} is fine',
        ),
        value,
        'compute',
      ),
    () => this.askAuth,
  );

  private readonly askAuth: InputStep = async (input) => {
    const items: Choice<AuthType>[] = [
      { label: vscode.l10n.t('Access key (AK/SK)'), value: 'aksk' },
      { label: vscode.l10n.t('IAM user and password'), value: 'password' },
      {
        label: vscode.l10n.t('Temporary access keys'),
        description: vscode.l10n.t(
          'obtained with a password or a permanent access key, which never sign API calls; they renew themselves',
        ),
        value: 'temporary',
      },
      { label: vscode.l10n.t('Existing token'), value: 'token' },
    ];
    if (this.sources.names.length > 0) {
      items.push({
        label: vscode.l10n.t('IAM agency of another account'),
        description: vscode.l10n.t("with another profile's credentials"),
        value: 'agency',
      });
    }
    const picked = await input.showQuickPick({
      prompt: vscode.l10n.t('How to sign in'),
      items,
      activeItem: items.find((i) => i.value === this.a.auth),
    });
    this.a.auth = picked.value;
    if (picked.value === 'agency') return this.askSourceProfile;
    if (picked.value === 'temporary') return this.askTemporarySource;
    if (!usesPassword(picked.value)) return this.askProjectId;
    return this.a.otherCloud ? this.askIdentityEndpoint : this.askDomain;
  };

  /** A temporary profile's keys are obtained with its password or with a permanent AK/SK. */
  private readonly askTemporarySource: InputStep = async (input) => {
    this.a.temporarySource = (
      await input.showQuickPick(temporarySourceQuestion(this.a.temporarySource))
    ).value;
    if (this.a.otherCloud) return this.askIdentityEndpoint;
    return this.temporaryKeys() ? this.askProjectId : this.askDomain;
  };

  /** True on the path of a temporary profile whose keys a permanent AK/SK obtains (no account or user). */
  private temporaryKeys(): boolean {
    return this.a.auth === 'temporary' && this.a.temporarySource === 'keys';
  }

  private readonly askIdentityEndpoint: InputStep = this.step(
    'iamEndpoint',
    (input, value) =>
      this.askEndpoint(
        input,
        vscode.l10n.t(
          'Identity (Keystone) endpoint, the OS_AUTH_URL: https://host:5000/v3 — with or without /v3',
        ),
        value,
        'identity',
      ),
    () => (this.temporaryKeys() ? this.askProjectId : this.askDomain),
  );

  private readonly askDomain = this.step(
    'domain',
    this.text(l10n.t('Account (domain) name')),
    () => this.askUser,
  );

  private readonly askUser = this.step('user', this.text(l10n.t('IAM user name')), () => this.askProjectId);

  private readonly askSourceProfile: InputStep = async (input) => {
    const items = this.sources.names.map((name): Choice<string> => ({ label: name, value: name }));
    const picked = await input.showQuickPick({
      prompt: vscode.l10n.t(
        'The profile whose credentials assume the agency (its user needs the Agent Operator role in the delegating account)',
      ),
      items,
      activeItem: items.find((i) => i.value === this.a.sourceProfile),
    });
    this.a.sourceProfile = picked.value;
    return this.askAgencyDomain;
  };

  private readonly askAgencyDomain = this.step(
    'agencyDomain',
    this.text(l10n.t('The account that delegates: its name or its id')),
    () => this.askAgencyName,
  );

  private readonly askAgencyName = this.step(
    'agencyName',
    this.text(l10n.t('Agency name')),
    () => this.askProjectId,
  );

  private readonly askProjectId: InputStep = async (input) => {
    // Password sign-in, temporary keys and agencies on a known region can look the project up;
    // everything else needs it given.
    const optional =
      this.a.auth !== undefined &&
      (usesPassword(this.a.auth) || this.a.auth === 'agency') &&
      !this.a.otherCloud;
    this.a.projectId = await input.showInputBox({
      prompt: optional
        ? vscode.l10n.t('Project id (leave empty to look it up from the region)')
        : vscode.l10n.t('Project id'),
      value: this.a.projectId,
      validate: (v) => (optional && !v ? undefined : projectIdInputProblem(v)),
    });
    return this.firstSecretStep();
  };

  /** The first secret to ask for; an agency has none, so the test call comes next. */
  private firstSecretStep(): InputStep {
    switch (this.a.auth) {
      case 'temporary':
        return this.temporaryKeys() ? this.askAccessKey : this.askPasswordOrToken;
      case 'password':
      case 'token':
        return this.askPasswordOrToken;
      case 'agency':
        return this.testStep;
      default:
        return this.askAccessKey;
    }
  }

  /**
   * The access key ID: an identifier, not a secret, so it shows as typed. Then the SK and, but for
   * a temporary profile's permanent keys, the optional security token (pasted temporary credentials).
   */
  private readonly askAccessKey: InputStep = this.step(
    'accessKey',
    this.text(l10n.t('Access key ID (AK)')),
    () => this.askSecretKey,
  );

  private readonly askSecretKey: InputStep = this.step(
    'secretKey',
    this.secret(l10n.t('Secret access key (SK)')),
    () => (this.temporaryKeys() ? this.testStep : this.askSecurityToken),
  );

  private readonly askSecurityToken: InputStep = this.step(
    'securityToken',
    this.secret(l10n.t('Security token (only for temporary credentials; leave empty otherwise)'), true),
    () => (this.a.securityToken ? this.askSecurityTokenExpiry : this.testStep),
  );

  /** Pasted temporary credentials' expiry, so an expired key is named as such: a follow-up, not counted. */
  private readonly askSecurityTokenExpiry: InputStep = async (input) => {
    this.a.securityTokenExpiresAt = await input.showInputBox({
      ...securityTokenExpiryBox(this.a.securityTokenExpiresAt),
      counted: false,
    });
    return this.testStep;
  };

  /** The one secret of password, temporary and token sign-in. */
  private readonly askPasswordOrToken: InputStep = async (input) => {
    const field = this.a.auth === 'token' ? 'token' : 'password';
    const prompt = field === 'token' ? l10n.t('IAM token (X-Auth-Token)') : l10n.t('IAM user password');
    this.a[field] = await this.secret(prompt)(input, this.a[field]);
    return this.testStep;
  };

  /**
   * The test call, before anything is saved. When it works, on to the last question; when it
   * fails, what failed and two ways on — Back to the step it points at, or Save Anyway — and
   * neither is the default: Enter on the report lines does nothing.
   */
  private readonly testStep: InputStep = async (input) => {
    const report = await this.testCall();
    this.a.report = report;
    if (connectionWorked(report)) return this.askServers;
    const { profile, credentials } = this.input();
    const described = describeConnection(report, resolveProfile(profile), credentials);
    // Each part short enough for its line, the URL and the whole message on the detail line under it.
    const lines: Choice<undefined>[] = described.parts.map(({ line, detail }) => ({
      label: line.endsWith('✓') ? `$(pass) ${line}` : `$(error) ${line}`,
      ...(detail ? { detail } : {}),
      value: undefined,
    }));
    const suspect = this.stepFor(described.suspect);
    const details: Choice<'details'> = {
      label: `$(info) ${vscode.l10n.t('Show Details')}`,
      description: vscode.l10n.t('the whole report, in a dialog'),
      value: 'details',
    };
    const back: Choice<'back'> = {
      label: `$(arrow-left) ${vscode.l10n.t('Back')}`,
      description: vscode.l10n.t('correct what was typed (it is kept)'),
      value: 'back',
    };
    const save: Choice<'save'> = {
      label: `$(save) ${vscode.l10n.t('Save Anyway')}`,
      description: vscode.l10n.t('keep the profile as it is and fix it later'),
      value: 'save',
    };
    const separator = { label: '', kind: vscode.QuickPickItemKind.Separator, value: undefined };
    for (;;) {
      const picked = await input.showQuickPick<Choice<'back' | 'save' | 'details' | undefined>>({
        prompt: vscode.l10n.t('The test call failed. Go back, or save anyway?'),
        items: [...lines, separator, back, save, details],
        activeItem: lines[0],
        canAccept: (item) => item === back || item === save || item === details,
        counted: false,
      });
      if (picked === back) throw suspect ? InputFlowAction.backTo(suspect) : InputFlowAction.back;
      if (picked === save) return this.askServers;
      await vscode.window.showWarningMessage(vscode.l10n.t('The test call failed.'), {
        modal: true,
        detail: described.lines.join('\n\n'),
      });
    }
  };

  /** The test call with the answers; an agency's with its source profile's stored credentials. */
  private async testCall(): Promise<ConnectionReport> {
    const { profile, credentials } = this.input();
    const resolved = resolveProfile(profile);
    if (profile.auth !== 'agency') {
      return testConnection(resolved, credentials ?? { password: '' }, { onRequest: this.onRequest });
    }
    const source = this.a.sourceProfile ? await this.sources.load(this.a.sourceProfile) : undefined;
    if (!source) {
      const error = new SetupError(
        'missingCredentials',
        vscode.l10n.t('Profile "{0}" has no credentials yet.', this.a.sourceProfile ?? ''),
        this.a.sourceProfile,
      );
      return { signIn: { ok: false, error } };
    }
    return testConnection(resolved, source.credentials, {
      onRequest: this.onRequest,
      source: source.profile,
    });
  }

  /** The step whose answer a failed test points at: the cloud's step stands for its endpoints. */
  private stepFor(suspect: SuspectSetting | undefined): InputStep | undefined {
    switch (suspect) {
      case 'credentials':
        return this.firstSecretStep();
      case 'secretKey':
        return this.a.auth === 'aksk' || this.temporaryKeys() ? this.askSecretKey : this.firstSecretStep();
      case 'projectId':
        return this.askProjectId;
      case 'ecsEndpoint':
        return this.a.otherCloud ? this.askComputeEndpoint : this.askCloud;
      case 'iamEndpoint':
        return this.a.otherCloud ? this.askIdentityEndpoint : this.askCloud;
      case undefined:
        return undefined;
    }
  }

  private readonly askServers: InputStep = async (input) => {
    const listed = this.a.report?.listing?.ok === true;
    const discover: Choice<boolean> = {
      label: vscode.l10n.t("Show the project's servers"),
      description: vscode.l10n.t('listed when you expand the profile'),
      value: false,
    };
    const byId: Choice<boolean> = {
      label: vscode.l10n.t('Add servers by id'),
      description: vscode.l10n.t('for clouds where listing servers fails'),
      value: true,
    };
    const { profile, credentials } = this.input();
    const summary = this.a.report
      ? describeConnection(this.a.report, resolveProfile(profile), credentials).message
      : '';
    const picked = await input.showQuickPick({
      prompt: [summary, vscode.l10n.t('How should this profile find its servers?')]
        .filter(Boolean)
        .join(' — '),
      items: [discover, byId],
      activeItem: (this.a.byId ?? !listed) ? byId : discover,
    });
    this.a.byId = picked.value;
    return picked.value ? this.askServerIds : undefined;
  };

  private readonly askServerIds: InputStep = async (input) => {
    this.a.serverIds = await input.showInputBox({
      // The follow-up of "Add servers by id": not a question of its own, not counted.
      counted: false,
      prompt: vscode.l10n.t('Server ids, separated by spaces or commas (Add Server adds more later)'),
      placeholder: '998af54b-5762-4041-abc1-f98a2c27b3a2',
      value: this.a.serverIds,
      validate: (v) => {
        const wrong = serverIdsOf(v).find((id) => serverIdProblem(id) !== undefined);
        return wrong === undefined ? undefined : serverIdInputProblem(wrong);
      },
    });
    return undefined;
  };

  private askEndpoint(
    input: MultiStepInput,
    prompt: string,
    value: string | undefined,
    service: 'compute' | 'identity',
  ): Promise<string> {
    const endpointOf = (typed: string): string =>
      normalizeEndpoint(otherServicePath(typed, service)?.endpoint ?? typed, service).endpoint;
    return input
      .showInputBox({
        prompt,
        value,
        placeholder: 'https://…',
        validate: (v) => {
          if (!v) return vscode.l10n.t('Required');
          const problem = endpointInputProblem(endpointOf(v));
          if (problem) return problem;
          // The other service's path (`/v3` on compute): a warning with the fix, which Enter applies.
          const wrong = otherServiceNote(v, service);
          if (wrong) return { message: wrong, severity: vscode.InputBoxValidationSeverity.Warning };
          const note = endpointTrimNote(v, service);
          return note ? { message: note, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
        },
      })
      .then(endpointOf);
  }

  /** How a required text answer is asked. */
  private text(prompt: string): (input: MultiStepInput, value: string | undefined) => Promise<string> {
    return (input, value) =>
      input.showInputBox({ prompt, value, validate: (v) => (v ? undefined : l10n.t('Required')) });
  }

  /** How a secret is asked: masked, kept as typed (spaces too). */
  private secret(
    prompt: string,
    optional = false,
  ): (input: MultiStepInput, value: string | undefined) => Promise<string> {
    return (input, value) =>
      input.showInputBox({
        prompt,
        value,
        password: true,
        untrimmed: true,
        validate: (v) => (optional || v ? undefined : l10n.t('Required')),
      });
  }

  /** The settings entry and secrets the answers make (secrets never go into the entry). */
  private input(): ProfileInput {
    const a = this.a;
    const auth = a.auth ?? 'aksk';
    const profile: ProfileSetting = { name: a.name ?? '', auth, discoverServers: !a.byId };
    if (a.otherCloud) profile.ecsEndpoint = a.ecsEndpoint;
    else profile.region = a.region;
    if (usesPassword(auth)) {
      if (a.otherCloud) profile.iamEndpoint = a.iamEndpoint;
      if (!this.temporaryKeys()) {
        profile.domain = a.domain;
        profile.user = a.user;
      }
    }
    if (auth === 'agency') {
      profile.sourceProfile = a.sourceProfile;
      profile.agencyDomain = a.agencyDomain;
      profile.agencyName = a.agencyName;
    }
    if (a.projectId) profile.projectId = a.projectId;
    if (a.byId) {
      const servers: ServerRef[] = serverIdsOf(a.serverIds ?? '').map((id) => ({ id }));
      if (servers.length > 0) profile.servers = servers;
    }
    return { profile, credentials: this.credentials(auth) };
  }

  private credentials(auth: AuthType): Credentials | undefined {
    const a = this.a;
    switch (auth) {
      case 'temporary':
        return this.temporaryKeys()
          ? { accessKey: a.accessKey ?? '', secretKey: a.secretKey ?? '' }
          : { password: a.password ?? '' };
      case 'password':
        return { password: a.password ?? '' };
      case 'token':
        return { token: a.token ?? '' };
      case 'aksk':
        return akskCredentials(a);
      case 'agency':
        return undefined;
    }
  }
}

function serverIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}
