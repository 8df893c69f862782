/**
 * `auth: "agency"` (assume role): the securitytokens identity for an agency, and IAM's refusals
 * turned into errors that name what is missing — the Agent Operator role in the delegating account,
 * or the agency itself.
 */
import { EcsError } from './errors';
import type { SecurityTokenIdentity } from './temporaryCredentials';
import type { AgencyAuth } from './types';

export function assumeRoleIdentity(auth: AgencyAuth, durationSeconds: number): SecurityTokenIdentity {
  return {
    methods: ['assume_role'],
    assume_role: {
      ...('id' in auth.agencyDomain
        ? { domain_id: auth.agencyDomain.id }
        : { domain_name: auth.agencyDomain.name }),
      agency_name: auth.agencyName,
      duration_seconds: durationSeconds,
      ...(auth.sessionUser ? { session_user: { name: auth.sessionUser } } : {}),
    },
  };
}

/** A 404 is an agency (or account) IAM does not know; a 403 a caller without the Agent Operator role. */
export function agencyRefusal(auth: AgencyAuth): (error: EcsError) => EcsError {
  const domain = 'id' in auth.agencyDomain ? auth.agencyDomain.id : auth.agencyDomain.name;
  return (error) => {
    const facts = {
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      ...(error.serverMessage !== undefined ? { serverMessage: error.serverMessage } : {}),
    };
    if (error.status === 404) {
      return new EcsError(
        'invalidInput',
        `IAM knows no agency "${auth.agencyName}" in account "${domain}". Check the agency name and the account.`,
        {
          ...facts,
          agency: { problem: 'unknownAgency', agencyName: auth.agencyName, agencyDomain: domain },
          problem: { code: 'agencyUnknown', detail: auth.agencyName },
        },
      );
    }
    return new EcsError(
      'forbidden',
      `The source user may not assume agency "${auth.agencyName}" of account "${domain}": it needs the Agent Operator role in that account.`,
      {
        ...facts,
        agency: { problem: 'noAgentOperator', agencyName: auth.agencyName, agencyDomain: domain },
        permission: 'Agent Operator',
      },
    );
  };
}
