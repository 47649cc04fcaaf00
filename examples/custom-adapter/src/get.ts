import type { CallOptions, RcsError, RcsRecord } from '@rcs-records/core'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { MessagesApi } from './api.js'
import { normalize } from './normalize.js'

/**
 * One Message by SID, normalised; an unknown SID is the transport's `not_found` (Twilio answers 404).
 */
export const getMessage =
  (api: MessagesApi, id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> =>
  async () => {
    const body = await api.message(id, opts?.signal)()
    return body._tag === 'Left' ? body : normalize(body.right)
  }
