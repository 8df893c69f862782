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
  type PanelView,
} from './messages';
import { isRecord } from '../core/isRecord';

const PAGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(pageToHostMessageTypes);

export function isPageToHostMessage(value: unknown): value is PageToHostMessage {
  return isRecord(value) && typeof value.type === 'string' && PAGE_MESSAGE_TYPES.has(value.type);
}

export function isPanelState(value: unknown): value is PanelState {
  return isRecord(value) && typeof value.prettyJson === 'boolean' && isPanelView(value.view);
}

function isPanelView(value: unknown): value is PanelView {
  if (!isRecord(value) || !isPanelTarget(value.target) || typeof value.loading !== 'boolean') return false;
  if (!optional(value.value, 'string') || !optional(value.fetchedAt, 'string')) return false;
  if (!optional(value.requestId, 'string')) return false;
  if (value.error === undefined) return true;
  return (
    isRecord(value.error) &&
    typeof value.error.message === 'string' &&
    optional(value.error.requestId, 'string')
  );
}

function isPanelTarget(value: unknown): value is PanelTarget {
  return (
    isRecord(value) &&
    typeof value.profile === 'string' &&
    typeof value.serverId === 'string' &&
    typeof value.key === 'string' &&
    optional(value.serverName, 'string')
  );
}

function optional(value: unknown, type: 'string'): boolean {
  return value === undefined || typeof value === type;
}
