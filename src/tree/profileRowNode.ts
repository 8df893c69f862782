import type { ErrorSubject } from '../errors/userMessage';
import type { Profile } from '../profiles/profile';
import type { TreeContext } from './treeContext';
import { TreeNode } from './treeNode';

/**
 * A row that stands for a profile, or for one region of it: the profile row (ProfileNode), a
 * region's row (RegionNode) and a profile's row while a find is shown (FoundProfileNode). They
 * share what they stand for, nothing of how they look or list: each composes its own item (see
 * profileItem.ts) and its own children (ServerListing, the regions, or the find's matches).
 */
export abstract class ProfileRowNode extends TreeNode {
  constructor(
    readonly profile: Profile,
    protected readonly context: TreeContext,
    parent?: TreeNode,
  ) {
    super(parent);
  }

  /** The id of its tree item, which its children's ids extend. */
  abstract getTreeItemId(): string;

  /** The region the client is asked for: a region row's; none for a profile of one region or none. */
  get region(): string | undefined {
    return undefined;
  }

  /** True when the children are regions rather than servers: a profile of several, not one region of it. */
  get listsRegions(): boolean {
    return this.region === undefined && this.profile.regions.length > 1;
  }

  override errorSubject(): ErrorSubject {
    return { profile: this.profile.name };
  }
}
