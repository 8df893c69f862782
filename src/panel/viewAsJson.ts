import type { PanelView } from './messages';

/**
 * What "Copy as JSON" copies: the value with everything that identifies it, as the panel shows it,
 * so it can be pasted into a ticket or a script as is. Unknown facts are `null`, not missing.
 */
export function viewAsJson(view: PanelView): string {
  const { target } = view;
  const record = {
    profile: target.profile,
    server: { id: target.serverId, name: target.serverName ?? null },
    key: target.key,
    value: view.value ?? null,
    fetchedAt: view.fetchedAt ?? null,
    requestId: view.requestId ?? null,
  };
  return JSON.stringify(record, null, 2);
}
