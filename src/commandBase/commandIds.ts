/**
 * Every command id, in one place: registrations, tree items, error actions and tests use these,
 * and package.json declares the same set (a core test keeps them equal). No `vscode` import, so
 * plain-Node tests can read it.
 */
export const CommandId = {
  refresh: 'ecsMetadata.refresh',
  refreshNode: 'ecsMetadata.refreshNode',
  addProfile: 'ecsMetadata.addProfile',
  importProfiles: 'ecsMetadata.importProfiles',
  setCredentials: 'ecsMetadata.setCredentials',
  removeProfile: 'ecsMetadata.removeProfile',
  addServer: 'ecsMetadata.addServer',
  removeServer: 'ecsMetadata.removeServer',
  filter: 'ecsMetadata.filter',
  clearFilter: 'ecsMetadata.clearFilter',
  loadMore: 'ecsMetadata.loadMore',
  showLog: 'ecsMetadata.showLog',
  getMetadataKey: 'ecsMetadata.getMetadataKey',
  copyValue: 'ecsMetadata.copyValue',
  copySelectedValue: 'ecsMetadata.copySelectedValue',
  openKey: 'ecsMetadata.openKey',
  setValue: 'ecsMetadata.setValue',
  deleteKey: 'ecsMetadata.deleteKey',
  addKey: 'ecsMetadata.addKey',
  editMetadataJson: 'ecsMetadata.editMetadataJson',
  saveMetadataJson: 'ecsMetadata.saveMetadataJson',
  undoLastChange: 'ecsMetadata.undoLastChange',
  setMetadataKey: 'ecsMetadata.setMetadataKey',
  deleteMetadataKey: 'ecsMetadata.deleteMetadataKey',
  findServers: 'ecsMetadata.findServers',
  compareMetadata: 'ecsMetadata.compareMetadata',
  copyMetadataJson: 'ecsMetadata.copyMetadataJson',
  exportMetadata: 'ecsMetadata.exportMetadata',
  confirmEndpoints: 'ecsMetadata.confirmEndpoints',
  maskValues: 'ecsMetadata.maskValues',
  unmaskValues: 'ecsMetadata.unmaskValues',
  turnOffDiscovery: 'ecsMetadata.turnOffDiscovery',
  bulkEditMetadata: 'ecsMetadata.bulkEditMetadata',
  undoBulkChange: 'ecsMetadata.undoBulkChange',
  checkPolicy: 'ecsMetadata.checkPolicy',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];
