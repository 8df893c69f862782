import * as vscode from 'vscode';
import type { ServerSummary } from '../core';
import { describeError, type ErrorSubject } from '../errors/userMessage';
import { isProtectedKey } from '../metadata/protectedKeys';
import type { Profile } from '../profiles/profile';
import { settings } from '../settings/settings';
import { ContextValue } from './contextValues';
import { MetadataKeyNode } from './metadataKeyNode';
import { idAndStatus } from './idAndStatus';
import { serverStatusIcon } from './serverStatusIcon';
import type { TreeContext } from './treeContext';
import { TreeNode, type ChildNodes } from './treeNode';

/**
 * What a server node needs of its parent, a ProfileNode (named by what it needs, so that the profile
 * node, which makes server nodes, and this file do not import each other).
 */
export interface ServerParent extends TreeNode {
  readonly profile: Profile;
  /** The region the parent lists, if it lists one. */
  readonly region: string | undefined;
  getTreeItemId(): string;
}

/** A server: configured in the profile's settings, or discovered by listing the project. Expands to its keys. */
export class ServerNode extends TreeNode {
  /** The name of the profile (the parent's `profile` is the Profile itself). */
  readonly profileName: string;
  /** The server's region, in a profile of several regions (undefined otherwise). */
  readonly region: string | undefined;
  private metadata: Promise<Record<string, string>> | undefined;

  constructor(
    override readonly parent: ServerParent,
    private readonly context: TreeContext,
    readonly server: ServerSummary,
    readonly configured: boolean,
    /** Why the server's details (name, status) could not be read, for a configured server. */
    private readonly detailError?: unknown,
    /** The server's region when the parent does not say it (a find of several regions). */
    region?: string,
  ) {
    super(parent);
    this.profileName = parent.profile.name;
    this.region = region ?? parent.region;
  }

  get serverId(): string {
    return this.server.id;
  }

  getTreeItemId(): string {
    return `${this.parent.getTreeItemId()}/server:${this.server.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { id, name, status } = this.server;
    const item = new vscode.TreeItem(name || id, this.context.collapsibleState(this.getTreeItemId()));
    item.id = this.getTreeItemId();
    item.contextValue = this.configured ? ContextValue.ConfiguredServer : ContextValue.DiscoveredServer;
    const problem =
      this.detailError === undefined ? undefined : describeError(this.detailError, this.errorSubject());
    item.description = problem ? `${id} · ${problem.summary}` : idAndStatus(this.server);
    item.iconPath = problem
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : serverStatusIcon(status);
    // Names and ids come from the cloud: appended as text, never as Markdown.
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip
      .appendMarkdown('**')
      .appendText(name || id)
      .appendMarkdown('**\n\n');
    tooltip.appendText(vscode.l10n.t('ID: {0}', id)).appendMarkdown('\n\n');
    // Why the details are missing, rather than a silent "unknown" status.
    tooltip
      .appendText(
        problem
          ? vscode.l10n.t('Details could not be read: {0}', problem.message)
          : vscode.l10n.t('Status: {0}', status ?? vscode.l10n.t('unknown')),
      )
      .appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Profile: {0}', this.profileName)).appendMarkdown('\n\n');
    if (this.region) tooltip.appendText(vscode.l10n.t('Region: {0}', this.region)).appendMarkdown('\n\n');
    tooltip.appendText(
      this.configured ? vscode.l10n.t('Configured in settings') : vscode.l10n.t('Discovered in the project'),
    );
    item.tooltip = tooltip;
    return item;
  }

  /** One list call gives every key and value, so previews cost nothing extra. Kept until a refresh. */
  override async loadChildren(signal: AbortSignal): Promise<ChildNodes> {
    this.metadata ??= this.context.clients
      .get(this.profileName, this.region)
      .then((client) => client.listMetadata(this.server.id, { signal }));
    let metadata: Record<string, string>;
    try {
      metadata = await this.metadata;
    } catch (err) {
      // Keep the error item, not the failure: the next expand or a click on the item retries.
      this.metadata = undefined;
      throw err;
    }
    const hide = settings.hideValuePreviews();
    const globs = settings.protectedKeys();
    const sorted = Object.keys(metadata).sort((a, b) => a.localeCompare(b));
    // The person's own keys first, then the keys the cloud sets itself.
    const own = sorted.filter((key) => !isProtectedKey(key, globs));
    const system = sorted.filter((key) => isProtectedKey(key, globs));
    const nodes = [
      ...own.map((key) => new MetadataKeyNode(this, key, metadata[key], hide, false)),
      ...system.map((key) => new MetadataKeyNode(this, key, metadata[key], hide, true)),
    ];
    return { nodes, empty: vscode.l10n.t('No metadata on this server') };
  }

  override errorSubject(): ErrorSubject {
    // Named by name in messages when it has one; the id is on the row and in the tooltip.
    const subject: ErrorSubject = { profile: this.profileName, serverId: this.server.id };
    if (this.server.name) subject.serverName = this.server.name;
    return subject;
  }

  override get removableServer(): boolean {
    return this.configured;
  }

  override reset(): void {
    this.metadata = undefined;
  }

  /** Takes `metadata` as the server's keys (what a write answered), fetching nothing. */
  showMetadata(metadata: Record<string, string>): void {
    this.metadata = Promise.resolve(metadata);
  }
}
