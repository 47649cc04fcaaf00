import type { RecordStore } from '@rcs-records/store'
import type { Session } from './session.js'

/**
 * The store `sync` and `query` use when `--store` is not given and `RCS_STORE` is not set: a PGlite directory in the
 * current directory, created on first use.
 */
export const DEFAULT_STORE = './rcs-records-data'

/**
 * Where a command's store is: `--store`, else the `RCS_STORE` environment variable (where a `postgres://` URL with a
 * password belongs, rather than in a flag that `ps` shows), else {@link DEFAULT_STORE}.
 */
export const storeLocation = (flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string =>
  flag ?? (env.RCS_STORE !== undefined && env.RCS_STORE.trim() !== '' ? env.RCS_STORE : DEFAULT_STORE)

/**
 * Opens a command's store (`@rcs-records/store`, loaded only by the commands that use it). The store registers a
 * `postgres://` URL's password with core's redaction, so no error line shows it.
 */
export const openCommandStore = async (session: Session, location: string): Promise<RecordStore> => {
  const { openStore } = await import('@rcs-records/store')
  const store = await openStore(location)
  if (session.common.verbose) session.note(`rcs-records: store ${store.location} (${store.engine})`)
  return store
}
