/**
 * Guards for what comes back from the page: its messages and the state it saved before a reload.
 * The page is ours, but its state is read from disk and its messages cross a process boundary,
 * so both are checked before the host acts on them.
 */
import {
  pageToHostMessageTypes,
  type PageToHostMessage,
  type PanelState,
  type PanelTarget,
} from './messages';
import { isRecord } from '../core';

const PAGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(pageToHostMessageTypes);

export function isPageToHostMessage(value: unknown): value is PageToHostMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  if (value.type === 'prettyShown') return typeof value.shown === 'boolean';
  return PAGE_MESSAGE_TYPES.has(value.type);
}

/**
 * The state the page saved, reduced to what may be kept: the target and the view option. A state
 * of version 0.1.0 (`{ view, prettyJson }`, which held the value) gives only its target.
 */
export function panelStateOf(value: unknown): PanelState | undefined {
  if (!isRecord(value) || typeof value.prettyJson !== 'boolean') return undefined;
  const target = isRecord(value.view) ? value.view.target : value.target;
  if (!isPanelTarget(target)) return undefined;
  const { profile, region, serverId, key, serverName } = target;
  return {
    target: {
      profile,
      ...(region === undefined ? {} : { region }),
      serverId,
      key,
      ...(serverName === undefined ? {} : { serverName }),
    },
    prettyJson: value.prettyJson,
  };
}

function isPanelTarget(value: unknown): value is PanelTarget {
  return (
    isRecord(value) &&
    typeof value.profile === 'string' &&
    typeof value.serverId === 'string' &&
    typeof value.key === 'string' &&
    optional(value.serverName, 'string') &&
    optional(value.region, 'string')
  );
}

function optional(value: unknown, type: 'string'): boolean {
  return value === undefined || typeof value === type;
}
