import * as vscode from 'vscode';
import { authMethodLabel } from '../profiles/authMethodLabel';
import type { Profile } from '../profiles/profile';
import type { TreeContext } from './treeContext';

/** Where a profile reads from, and through which agency: the description of its row. */
export function profileDescription(profile: Profile): string | undefined {
  const place =
    profile.regions.length > 1 ? profile.regions.join(', ') : (profile.region ?? profile.ecsEndpoint);
  return profile.auth === 'agency'
    ? vscode.l10n.t('{0} · agency {1}', place, profile.agencyName ?? '')
    : place;
}

/**
 * The tooltip lines under a row's first line: the regions of a profile of several; else (and for
 * one `region` of it) the ECS endpoint, the project and the sign-in method; the agency, if any.
 */
export function profileDetailLines(profile: Profile, context: TreeContext, region?: string): string[] {
  const agency = agencyLine(profile);
  const signIn = vscode.l10n.t('Sign-in: {0}', authMethodLabel(profile.auth));
  if (region === undefined && profile.regions.length > 1) {
    return [vscode.l10n.t('Regions: {0}', profile.regions.join(', ')), signIn, ...(agency ? [agency] : [])];
  }
  return [
    profile.endpointFromCatalog
      ? vscode.l10n.t(
          'ECS endpoint: {0} (from the service catalog)',
          context.clients.catalogEndpoint(profile.name, region) ?? '…',
        )
      : vscode.l10n.t('ECS endpoint: {0}', profile.ecsEndpoint || '—'),
    vscode.l10n.t('Project: {0}', profile.projectId ?? vscode.l10n.t('looked up from the region')),
    signIn,
    ...(agency ? [agency] : []),
  ];
}

/** Which agency an agency profile acts through, and with whose credentials. */
function agencyLine(profile: Profile): string | undefined {
  const { auth, agencyName, agencyDomain, sourceProfile } = profile;
  if (auth !== 'agency') return undefined;
  return vscode.l10n.t(
    'Acts through agency "{0}" of account "{1}", with the credentials of profile "{2}"',
    agencyName ?? '',
    agencyDomain ?? '',
    sourceProfile ?? '',
  );
}
