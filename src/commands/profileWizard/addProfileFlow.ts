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
import { usesPassword, type AuthType, type Profile } from '../../profiles/profile';
import { secretQuestions, temporarySourceQuestion } from '../../credentials/promptCredentials';
import { SetupError } from '../../errors/setupError';
import { huaweiRegions } from '../../profiles/regions';
import { resolveProfile } from '../../profiles/resolveProfile';
import { InputFlowAction, MultiStepInput } from '../../input/multiStepInput';
import { QuestionPath, type Question } from '../../input/questionPath';
import {
  buysKeysWithKeys,
  profileInputOf,
  secretKindOfAnswers,
  serverIdsOf,
  type ProfileAnswers,
  type ProfileInput,
} from './profileAnswers';

export type { ProfileInput } from './profileAnswers';

/** The profiles an agency profile may act with (any but another agency), and their secrets. */
export interface AgencySources {
  names: readonly string[];
  /** The source profile and its stored credentials, when it has any. */
  load(name: string): Promise<{ profile: Profile; credentials: Credentials } | undefined>;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/**
 * Add Profile's questions as a multi-step input: name, cloud, endpoints (other clouds), sign-in
 * method and its fields (an agency: source profile, account, agency name), project id, secrets;
 * then the test call (on failure: Back to the step it points at, or Save Anyway); last, discover
 * the project's servers or add some by id.
 *
 * Each question says whether this path asks it; the way on and the counter (`2/9` at first, `3/8`
 * once a Huawei region is picked) both follow from that (see QuestionPath). The test report and the
 * follow-ups to an answer (a token's expiry, the server ids) show no counter, so the total never
 * grows as the path goes on.
 */
export class AddProfileFlow {
  private readonly a: ProfileAnswers = {};
  private readonly title = vscode.l10n.t('Add ECS Profile');
  private readonly secrets = secretQuestions(
    this.a,
    () => secretKindOfAnswers(this.a),
    l10n.t('IAM user password'),
  );
  private readonly path: QuestionPath;

  constructor(
    private readonly existingNames: ReadonlySet<string>,
    private readonly onRequest: (event: RequestEvent) => void,
    private readonly sources: AgencySources = { names: [], load: async () => undefined },
  ) {
    this.path = new QuestionPath([
      this.askName,
      this.askCloud,
      this.askComputeEndpoint,
      this.askAuth,
      this.askTemporarySource,
      this.askIdentityEndpoint,
      this.askDomain,
      this.askUser,
      this.askSourceProfile,
      this.askAgencyDomain,
      this.askAgencyName,
      this.askProjectId,
      ...this.secrets.all,
      this.testStep,
      this.askServers,
      this.askServerIds,
    ]);
  }

  async run(): Promise<ProfileInput | undefined> {
    const done = await MultiStepInput.run(this.title, () => this.path.totalSteps(), this.path.start);
    return done ? profileInputOf(this.a) : undefined;
  }

  /** Another OpenStack-compatible cloud (the answer Enter gives) rather than a Huawei region. */
  private otherCloud(): boolean {
    return this.a.otherCloud ?? true;
  }

  /** A question of one answer (shown again after Back), asked when `shouldPrompt` says. */
  private question<K extends keyof ProfileAnswers>(
    field: K,
    shouldPrompt: () => boolean,
    ask: (input: MultiStepInput, value: ProfileAnswers[K] | undefined) => Promise<ProfileAnswers[K]>,
  ): Question {
    return {
      shouldPrompt,
      ask: async (input) => {
        this.a[field] = await ask(input, this.a[field]);
      },
    };
  }

  private readonly askName = this.question('name', always, (input, value) =>
    input.showInputBox({
      prompt: vscode.l10n.t('A name for this profile'),
      value,
      validate: (v) =>
        !v
          ? vscode.l10n.t('Required')
          : (profileNameInputProblem(v) ??
            (this.existingNames.has(v)
              ? vscode.l10n.t('A profile named "{0}" already exists.', v)
              : undefined)),
    }),
  );

  private readonly askCloud: Question = {
    shouldPrompt: always,
    ask: async (input) => {
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
    },
  };

  private readonly askComputeEndpoint = this.question(
    'ecsEndpoint',
    () => this.otherCloud(),
    (input, value) =>
      this.askEndpoint(
        input,
        vscode.l10n.t(
          'Compute (Nova) endpoint, as in the service catalog: https://host:8774 — a trailing /v2.1 or /v2.1/{project_id} is fine',
        ),
        value,
        'compute',
      ),
  );

  private readonly askAuth = this.question('auth', always, async (input, value) => {
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
      activeItem: items.find((i) => i.value === value),
    });
    return picked.value;
  });

  /** A temporary profile's keys are obtained with its password or with a permanent AK/SK. */
  private readonly askTemporarySource = this.question(
    'temporarySource',
    () => this.a.auth === 'temporary',
    async (input, value) => (await input.showQuickPick(temporarySourceQuestion(value))).value,
  );

  /** Password sign-in on another cloud, and the IAM endpoint temporary keys are bought at. */
  private readonly askIdentityEndpoint = this.question(
    'iamEndpoint',
    () => this.otherCloud() && this.signsInAtIam(),
    (input, value) =>
      this.askEndpoint(
        input,
        vscode.l10n.t(
          'Identity (Keystone) endpoint, the OS_AUTH_URL: https://host:5000/v3 — with or without /v3',
        ),
        value,
        'identity',
      ),
  );

  private readonly askDomain = this.question(
    'domain',
    () => this.signsInWithPassword(),
    this.text(l10n.t('Account (domain) name')),
  );

  private readonly askUser = this.question(
    'user',
    () => this.signsInWithPassword(),
    this.text(l10n.t('IAM user name')),
  );

  /** Password and temporary sign-in: both go to IAM (temporary keys bought with a permanent AK/SK too). */
  private signsInAtIam(): boolean {
    return this.a.auth !== undefined && usesPassword(this.a.auth);
  }

  /** Sign-in with the account, user and password (temporary keys bought with a password included). */
  private signsInWithPassword(): boolean {
    return this.signsInAtIam() && !buysKeysWithKeys(this.a);
  }

  private readonly askSourceProfile = this.question(
    'sourceProfile',
    () => this.isAgency(),
    async (input, value) => {
      const items = this.sources.names.map((name): Choice<string> => ({ label: name, value: name }));
      const picked = await input.showQuickPick({
        prompt: vscode.l10n.t(
          'The profile whose credentials assume the agency (its user needs the Agent Operator role in the delegating account)',
        ),
        items,
        activeItem: items.find((i) => i.value === value),
      });
      return picked.value;
    },
  );

  private readonly askAgencyDomain = this.question(
    'agencyDomain',
    () => this.isAgency(),
    this.text(l10n.t('The account that delegates: its name or its id')),
  );

  private readonly askAgencyName = this.question(
    'agencyName',
    () => this.isAgency(),
    this.text(l10n.t('Agency name')),
  );

  private isAgency(): boolean {
    return this.a.auth === 'agency';
  }

  private readonly askProjectId = this.question('projectId', always, (input, value) => {
    // Password sign-in, temporary keys and agencies on a known region can look the project up;
    // everything else needs it given.
    const optional =
      this.a.auth !== undefined &&
      (usesPassword(this.a.auth) || this.a.auth === 'agency') &&
      !this.a.otherCloud;
    return input.showInputBox({
      prompt: optional
        ? vscode.l10n.t('Project id (leave empty to look it up from the region)')
        : vscode.l10n.t('Project id'),
      value,
      validate: (v) => (optional && !v ? undefined : projectIdInputProblem(v)),
    });
  });

  /**
   * The test call, before anything is saved. When it works, on to the last question; when it
   * fails, what failed and two ways on — Back to the step it points at, or Save Anyway — and
   * neither is the default: Enter on the report lines does nothing.
   */
  private readonly testStep: Question = {
    counted: false,
    shouldPrompt: always,
    ask: async (input) => {
      const report = await this.testCall();
      this.a.report = report;
      if (connectionWorked(report)) return;
      const { profile, credentials } = profileInputOf(this.a);
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
        if (picked === back) {
          throw suspect ? InputFlowAction.backTo(this.path.stepOf(suspect)) : InputFlowAction.back;
        }
        if (picked === save) return;
        await vscode.window.showWarningMessage(vscode.l10n.t('The test call failed.'), {
          modal: true,
          detail: described.lines.join('\n\n'),
        });
      }
    },
  };

  /** The test call with the answers; an agency's with its source profile's stored credentials. */
  private async testCall(): Promise<ConnectionReport> {
    const { profile, credentials } = profileInputOf(this.a);
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
  private stepFor(suspect: SuspectSetting | undefined): Question | undefined {
    switch (suspect) {
      case 'credentials':
        return this.firstSecret();
      case 'secretKey':
        return this.secrets.secretKey.shouldPrompt() ? this.secrets.secretKey : this.firstSecret();
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

  /** The first secret asked for; an agency has none, so the test call stands for them. */
  private firstSecret(): Question {
    return this.secrets.all.find((q) => q.shouldPrompt()) ?? this.testStep;
  }

  private readonly askServers: Question = {
    shouldPrompt: always,
    ask: async (input) => {
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
      const { profile, credentials } = profileInputOf(this.a);
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
    },
  };

  private readonly askServerIds: Question = {
    counted: false,
    shouldPrompt: () => this.a.byId === true,
    ask: async (input) => {
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
    },
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
}

function always(): boolean {
  return true;
}
