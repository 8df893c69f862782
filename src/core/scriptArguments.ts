/**
 * What a script may pass a command, checked once. Each command declares its argument's shape (the
 * usage a refusal shows and the parser); a shape that does not fit is refused with
 * EcsError('invalidInput') and a reason code, which the VS Code layer words in the user's language.
 */
import { EcsError } from './errors';
import { isRecord } from './isRecord';
import {
  characterCount,
  inputProblemMessage,
  MAX_METADATA_VALUE_LENGTH,
  metadataKeyProblem,
  serverIdProblem,
} from './validation';
import type { InputProblem, ValidatorProblemCode } from './inputProblem';

/** Which server of which profile. */
export interface ServerTarget {
  profile: string;
  /** The server's region, in a profile of several regions. */
  region?: string;
  serverId: string;
  /** Known from the tree, a picker or the settings; only for messages. */
  serverName?: string;
}

/** Which metadata key of which server of which profile. */
export interface KeyTarget extends ServerTarget {
  key: string;
}

/**
 * How messages name a server: "web-01 (3f1c…)" (`full`, where the id must be seen: confirmations,
 * reports) or "web-01" (`name`, in titles); the id alone when the name is not known.
 */
export function serverLabel(target: ServerTarget, form: 'full' | 'name' = 'full'): string {
  if (!target.serverName) return target.serverId;
  return form === 'full' ? `${target.serverName} (${target.serverId})` : target.serverName;
}

/** The argument a script may pass a command: how it is written, and its parser. */
export interface ScriptShape<T> {
  /** As a refusal shows it, e.g. `{ profile, serverId, key }`. */
  readonly usage: string;
  /** The argument checked and typed; throws EcsError('invalidInput') with a reason code. */
  parse(arg: unknown): T;
}

/** A shape whose argument is an object, read field by field. */
export function objectShape<T>(usage: string, read: (fields: ArgumentFields) => T): ScriptShape<T> {
  return {
    usage,
    parse(arg) {
      if (!isRecord(arg)) throw argumentsExpected(usage);
      return read(new ArgumentFields(arg, usage));
    },
  };
}

/** The problems of an argument's shape (rather than of a value the cloud would refuse). */
const argumentProblemCodes: ReadonlySet<InputProblem['code']> = new Set([
  'argumentsExpected',
  'argumentNotText',
  'metadataValueNotText',
  'metadataValueTooLong',
]);

export function isArgumentProblem(problem: InputProblem): boolean {
  return argumentProblemCodes.has(problem.code);
}

/** The refusal of an argument that is not of the shape `usage` shows. */
export function argumentsExpected(usage: string): EcsError {
  return refusal({ code: 'argumentsExpected', detail: usage });
}

function refusal(problem: InputProblem<ValidatorProblemCode>): EcsError {
  return new EcsError('invalidInput', inputProblemMessage(problem), { problem });
}

/**
 * The fields of an object argument. Only its own fields are read, one level at a time: a nested
 * argument is read only where the shape names it, so no argument can make a parser walk deep.
 */
export class ArgumentFields {
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly usage: string,
  ) {}

  /** The refusal of this argument: it is not of the shape. */
  expected(): EcsError {
    return argumentsExpected(this.usage);
  }

  /** A string the shape needs. */
  text(name: string): string {
    const value = this.fields[name];
    if (typeof value !== 'string') throw argumentsExpected(this.usage);
    return value;
  }

  /** A string the shape may leave out; an empty one counts as left out. */
  optionalText(name: string): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw refusal({ code: 'argumentNotText', detail: name });
    return value;
  }

  /** True only for `true`: `"yes"` or `1` is no permission. */
  flag(name: string): boolean {
    return this.fields[name] === true;
  }

  /** A nested object the shape needs, read with the same usage. */
  object(name: string): ArgumentFields {
    const value = this.fields[name];
    if (!isRecord(value)) throw argumentsExpected(this.usage);
    return new ArgumentFields(value, this.usage);
  }

  /** A list of strings the shape may leave out. */
  optionalTexts(name: string): string[] | undefined {
    const value = this.fields[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw argumentsExpected(this.usage);
    return [...(value as string[])];
  }

  /** A flag the shape may leave out; when given it must be `true` or `false`. */
  optionalFlag(name: string): boolean {
    const value = this.fields[name];
    if (value !== undefined && typeof value !== 'boolean') throw argumentsExpected(this.usage);
    return value === true;
  }

  /** Refuses a field the shape does not name (for a shape where a misspelt field would change what runs). */
  only(...names: string[]): this {
    if (Object.keys(this.fields).some((name) => !names.includes(name))) throw argumentsExpected(this.usage);
    return this;
  }

  /** A field as given, for a shape that checks it itself. */
  raw(name: string): unknown {
    return this.fields[name];
  }

  /** A field's value among `choices`. */
  oneOf<C extends string>(name: string, choices: readonly C[]): C {
    const value = this.fields[name];
    if (!choices.includes(value as C)) throw argumentsExpected(this.usage);
    return value as C;
  }

  /** `{ profile, region?, serverId, serverName? }` (`name` is taken for `serverName`). */
  server(): ServerTarget {
    const profile = this.text('profile');
    const region = this.optionalText('region');
    const serverId = this.text('serverId');
    refuse(serverIdProblem(serverId));
    const serverName = this.optionalText('serverName') ?? this.optionalText('name');
    return { profile, ...(region ? { region } : {}), serverId, ...(serverName ? { serverName } : {}) };
  }

  /** `{ profile, region?, serverId, key, serverName? }`. */
  key(): KeyTarget {
    const server = this.server();
    const key = this.text('key');
    refuse(metadataKeyProblem(key));
    return { ...server, key };
  }

  /** A metadata value: text of at most 255 characters. */
  value(name = 'value'): string {
    const value = this.fields[name];
    if (typeof value !== 'string') throw refusal({ code: 'metadataValueNotText', detail: '' });
    const length = characterCount(value);
    if (length > MAX_METADATA_VALUE_LENGTH)
      throw refusal({ code: 'metadataValueTooLong', detail: String(length) });
    return value;
  }
}

function refuse(problem: InputProblem<ValidatorProblemCode> | undefined): void {
  if (problem) throw refusal(problem);
}

/** `{ profile, region?, serverId }`: a server. */
export const serverArguments = objectShape('{ profile, serverId }', (f) => f.server());

/** `{ profile, region?, serverId, key }`: a key. */
export const keyArguments = objectShape('{ profile, serverId, key }', (f) => f.key());

/** `{ profile }` or the profile's name. */
export const profileArguments: ScriptShape<{ profile: string }> = {
  usage: '{ profile }',
  parse(arg) {
    if (typeof arg === 'string') return { profile: arg };
    return objectShape('{ profile }', (f) => ({ profile: f.text('profile') })).parse(arg);
  },
};
