import { buildRequestAuth } from './buildRequestAuth';
import { EcsError } from './errors';
import type { TemporaryKeys } from './types';
import { requestSettings } from './requestSettings';
import type { TemporaryKeysOptions } from './types';
import { validateProjectId } from './validation';

/**
 * Temporary AK/SK of a `temporary` or `agency` auth, made once to be shared: hand them to
 * `lookupProjectIdWithKeys` (an agency's project) and to `createEcsClient`, and both sign with the
 * same keys — one securitytokens request. `temporary` with a password needs the project id (its
 * token is scoped to it); with permanent AK/SK it does not.
 */
export function createTemporaryKeys(options: TemporaryKeysOptions): TemporaryKeys {
  if (options.auth?.type !== 'temporary' && options.auth?.type !== 'agency') {
    throw new EcsError('invalidInput', 'Only "temporary" and "agency" authentication make temporary keys.', {
      problem: { code: 'temporaryKeysAuth', detail: '' },
    });
  }
  // A password's token is scoped to the project; keys bought with permanent AK/SK need none.
  const scoped = options.auth.type === 'temporary' && !('accessKey' in options.auth);
  if (scoped || options.projectId !== undefined) {
    validateProjectId(options.projectId);
  }
  const auth = buildRequestAuth(options.auth, options.projectId ?? '', {
    ...requestSettings(options),
    temporaryKeyCache: options.temporaryKeyCache,
  });
  // Only the keys are taken: createEcsClient and the lookup sign with them for their own project (or none).
  if (!auth.temporaryKeys) throw new Error('temporary auth without temporary keys');
  return auth.temporaryKeys;
}
