import type { TemporaryKeyCache } from '../core';

/**
 * The kept temporary AK/SK of a `temporary` or `agency` profile (see ProfileTokenStore.keyCacheFor),
 * and the project id looked up for it, kept beside them: after a restart neither the keys nor the
 * project need a request.
 */
export interface ProfileKeyCache extends TemporaryKeyCache {
  /** The project id kept for the profile (and region); undefined when none was looked up. */
  projectId(): Promise<string | undefined>;
  noteProjectId(projectId: string): Promise<void>;
}
