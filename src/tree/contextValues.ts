/** Every tree item's contextValue, in one place: package.json menus match these with `viewItem == …`. */
export enum ContextValue {
  Profile = 'profile',
  /** A profile showing find results. */
  FoundProfile = 'profile.found',
  /** One region of a profile of several regions. */
  Region = 'region',
  ConfiguredServer = 'server.configured',
  DiscoveredServer = 'server.discovered',
  MetadataKey = 'metadataKey',
  Message = 'message',
  /** The error item of a configured server the cloud does not know: offers Remove Server. */
  ServerNotFoundMessage = 'message.serverNotFound',
  LoadMore = 'loadMore',
}
