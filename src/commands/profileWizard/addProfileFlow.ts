import * as vscode from 'vscode';
import { normalizeEndpoint, serverIdProblem } from '../../core';
import { connectionWorked, testConnection, type ConnectionReport } from '../../clients/connectionTest';
import type { Credentials } from '../../credentials/credentials';
import { describeConnection, type SuspectSetting } from '../../errors/connectionMessage';
import {
  endpointInputProblem,
  endpointTrimNote,
  projectIdInputProblem,
  serverIdInputProblem,
} from '../../errors/inputProblems';
import type { RequestEvent } from '../../core';
import type { AuthType, ProfileSetting, ServerRef } from '../../profiles/profile';
import { huaweiRegions } from '../../profiles/regions';
import { resolveProfile } from '../../profiles/resolveProfile';
import { InputFlowAction, MultiStepInput, type InputStep } from '../../input/multiStepInput';

export interface ProfileInput {
  profile: ProfileSetting;
  credentials: Credentials;
}

/** What the user answered so far; kept across Back, so each step shows its last answer. */
interface Answers {
  name?: string;
  /** A Huawei Cloud region id, or undefined for another OpenStack-compatible cloud. */
  region?: string;
  otherCloud?: boolean;
  ecsEndpoint?: string;
  auth?: AuthType;
  iamEndpoint?: string;
  domain?: string;
  user?: string;
  projectId?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  password?: string;
  token?: string;
  report?: ConnectionReport;
  byId?: boolean;
  serverIds?: string;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/**
 * Add Profile's questions as a multi-step input: name, cloud, endpoints (other clouds), sign-in
 * method and its fields, project id, secrets; then the test call (on failure: Back to the step it
 * points at, or Save Anyway); last, discover the project's servers or add some by id.
 */
export class AddProfileFlow {
  private readonly a: Answers = {};
  private readonly title = vscode.l10n.t('Add ECS Profile');

  constructor(
    private readonly existingNames: ReadonlySet<string>,
    private readonly onRequest: (event: RequestEvent) => void,
  ) {}

  async run(): Promise<ProfileInput | undefined> {
    const done = await MultiStepInput.run(this.title, () => this.totalSteps(), this.askName);
    return done ? this.input() : undefined;
  }

  /** The steps this path takes with the answers so far; `2/8` for a Huawei region and an access key. */
  private totalSteps(): number {
    const { otherCloud, auth, report, byId } = this.a;
    const password = auth === 'password';
    return (
      2 + // name, cloud
      (otherCloud ? 1 : 0) +
      1 + // sign-in method
      (password ? (otherCloud ? 3 : 2) : 0) +
      1 + // project id
      (auth === 'aksk' || auth === undefined ? 3 : 1) +
      (report && !connectionWorked(report) ? 1 : 0) +
      1 + // discover or by id
      (byId ? 1 : 0)
    );
  }

  private readonly askName: InputStep = async (input) => {
    this.a.name = await input.showInputBox({
      prompt: vscode.l10n.t('A name for this profile'),
      value: this.a.name,
      validate: (v) =>
        !v
          ? vscode.l10n.t('Required')
          : this.existingNames.has(v)
            ? vscode.l10n.t('A profile named "{0}" already exists.', v)
            : undefined,
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

  private readonly askComputeEndpoint: InputStep = async (input) => {
    this.a.ecsEndpoint = await this.askEndpoint(
      input,
      vscode.l10n.t(
        'Compute (Nova) endpoint, as in the service catalog: https://host:8774 — a trailing /v2.1 or /v2.1/{project_id} is fine',
      ),
      this.a.ecsEndpoint,
      'compute',
    );
    return this.askAuth;
  };

  private readonly askAuth: InputStep = async (input) => {
    const items: Choice<AuthType>[] = [
      { label: vscode.l10n.t('Access key (AK/SK)'), value: 'aksk' },
      { label: vscode.l10n.t('IAM user and password'), value: 'password' },
      { label: vscode.l10n.t('Existing token'), value: 'token' },
    ];
    const picked = await input.showQuickPick({
      prompt: vscode.l10n.t('How to sign in'),
      items,
      activeItem: items.find((i) => i.value === this.a.auth),
    });
    this.a.auth = picked.value;
    if (picked.value !== 'password') return this.askProjectId;
    return this.a.otherCloud ? this.askIdentityEndpoint : this.askDomain;
  };

  private readonly askIdentityEndpoint: InputStep = async (input) => {
    this.a.iamEndpoint = await this.askEndpoint(
      input,
      vscode.l10n.t(
        'Identity (Keystone) endpoint, the OS_AUTH_URL: https://host:5000/v3 — with or without /v3',
      ),
      this.a.iamEndpoint,
      'identity',
    );
    return this.askDomain;
  };

  private readonly askDomain: InputStep = async (input) => {
    this.a.domain = await this.askText(input, vscode.l10n.t('Account (domain) name'), this.a.domain);
    return this.askUser;
  };

  private readonly askUser: InputStep = async (input) => {
    this.a.user = await this.askText(input, vscode.l10n.t('IAM user name'), this.a.user);
    return this.askProjectId;
  };

  private readonly askProjectId: InputStep = async (input) => {
    // Password sign-in on a known region can look the project up; everything else needs it given.
    const optional = this.a.auth === 'password' && !this.a.otherCloud;
    this.a.projectId = await input.showInputBox({
      prompt: optional
        ? vscode.l10n.t('Project id (leave empty to look it up from the region)')
        : vscode.l10n.t('Project id'),
      value: this.a.projectId,
      validate: (v) => (optional && !v ? undefined : projectIdInputProblem(v)),
    });
    return this.firstSecretStep();
  };

  private firstSecretStep(): InputStep {
    switch (this.a.auth) {
      case 'password':
        return this.askPassword;
      case 'token':
        return this.askToken;
      default:
        return this.askAccessKey;
    }
  }

  private readonly askAccessKey: InputStep = async (input) => {
    this.a.accessKey = await this.askSecret(input, vscode.l10n.t('Access key ID (AK)'), this.a.accessKey);
    return this.askSecretKey;
  };

  private readonly askSecretKey: InputStep = async (input) => {
    this.a.secretKey = await this.askSecret(input, vscode.l10n.t('Secret access key (SK)'), this.a.secretKey);
    return this.askSecurityToken;
  };

  private readonly askSecurityToken: InputStep = async (input) => {
    this.a.securityToken = await this.askSecret(
      input,
      vscode.l10n.t('Security token (only for temporary credentials; leave empty otherwise)'),
      this.a.securityToken,
      true,
    );
    return this.testStep;
  };

  private readonly askPassword: InputStep = async (input) => {
    this.a.password = await this.askSecret(input, vscode.l10n.t('IAM user password'), this.a.password);
    return this.testStep;
  };

  private readonly askToken: InputStep = async (input) => {
    this.a.token = await this.askSecret(input, vscode.l10n.t('IAM token (X-Auth-Token)'), this.a.token);
    return this.testStep;
  };

  /**
   * The test call, before anything is saved. When it works, on to the last question; when it
   * fails, what failed and two ways on — Back to the step it points at, or Save Anyway — and
   * neither is the default: Enter on the report lines does nothing.
   */
  private readonly testStep: InputStep = async (input) => {
    const { profile, credentials } = this.input();
    const resolved = resolveProfile(profile);
    const report = await testConnection(resolved, credentials, { onRequest: this.onRequest });
    this.a.report = report;
    if (connectionWorked(report)) return this.askServers;
    const described = describeConnection(report, resolved);
    const lines: Choice<undefined>[] = described.lines.map((line) => ({
      label: line.endsWith('✓') ? `$(pass) ${line}` : `$(error) ${line}`,
      value: undefined,
    }));
    const suspect = this.stepFor(described.suspect);
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
    const picked = await input.showQuickPick<Choice<'back' | 'save' | undefined>>({
      prompt: vscode.l10n.t('The test call failed. Go back, or save anyway?'),
      items: [...lines, separator, back, save],
      activeItem: lines[0],
      canAccept: (item) => item === back || item === save,
    });
    if (picked === back) throw suspect ? InputFlowAction.backTo(suspect) : InputFlowAction.back;
    return this.askServers;
  };

  /** The step whose answer a failed test points at: the cloud's step stands for its endpoints. */
  private stepFor(suspect: SuspectSetting | undefined): InputStep | undefined {
    switch (suspect) {
      case 'credentials':
        return this.firstSecretStep();
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
    const summary = this.a.report
      ? describeConnection(this.a.report, resolveProfile(this.input().profile)).message
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
    return input
      .showInputBox({
        prompt,
        value,
        placeholder: 'https://…',
        validate: (v) => {
          if (!v) return vscode.l10n.t('Required');
          const problem = endpointInputProblem(normalizeEndpoint(v, service).endpoint);
          if (problem) return problem;
          const note = endpointTrimNote(v, service);
          return note ? { message: note, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
        },
      })
      .then((typed) => normalizeEndpoint(typed, service).endpoint);
  }

  private askText(input: MultiStepInput, prompt: string, value: string | undefined): Promise<string> {
    return input.showInputBox({
      prompt,
      value,
      validate: (v) => (v ? undefined : vscode.l10n.t('Required')),
    });
  }

  private askSecret(
    input: MultiStepInput,
    prompt: string,
    value: string | undefined,
    optional = false,
  ): Promise<string> {
    return input.showInputBox({
      prompt,
      value,
      password: true,
      untrimmed: true,
      validate: (v) => (optional || v ? undefined : vscode.l10n.t('Required')),
    });
  }

  /** The settings entry and secrets the answers make (secrets never go into the entry). */
  private input(): ProfileInput {
    const a = this.a;
    const auth = a.auth ?? 'aksk';
    const profile: ProfileSetting = { name: a.name ?? '', auth, discoverServers: !a.byId };
    if (a.otherCloud) profile.ecsEndpoint = a.ecsEndpoint;
    else profile.region = a.region;
    if (auth === 'password') {
      if (a.otherCloud) profile.iamEndpoint = a.iamEndpoint;
      profile.domain = a.domain;
      profile.user = a.user;
    }
    if (a.projectId) profile.projectId = a.projectId;
    if (a.byId) {
      const servers: ServerRef[] = serverIdsOf(a.serverIds ?? '').map((id) => ({ id }));
      if (servers.length > 0) profile.servers = servers;
    }
    return { profile, credentials: this.credentials(auth) };
  }

  private credentials(auth: AuthType): Credentials {
    const a = this.a;
    switch (auth) {
      case 'password':
        return { password: a.password ?? '' };
      case 'token':
        return { token: a.token ?? '' };
      case 'aksk':
        return a.securityToken
          ? { accessKey: a.accessKey ?? '', secretKey: a.secretKey ?? '', securityToken: a.securityToken }
          : { accessKey: a.accessKey ?? '', secretKey: a.secretKey ?? '' };
    }
  }
}

function serverIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}
