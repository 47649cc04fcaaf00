import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import pLimit from 'p-limit'
import type { CallOptions } from '../adapter/contract.js'
import type { RcsError } from '../errors/rcs-error.js'
import { unexpectedError } from '../errors/unexpected.js'
import { left } from '../fp/either.js'
import type { RcsRecord } from '../model/record.js'
import { uniqueIds } from '../util/chunk.js'

/**
 * `getMany` for vendors without a batch lookup: bounded concurrent `get`s. Duplicate ids are asked once; records
 * come back in the order of the input ids; `not_found` ids are reported as `missing`; any other failure fails the
 * whole call (after the transport's own retries) and stops asking for the ids not yet started.
 *
 * @example
 * import type { Adapter } from '@rcs-records/core'
 * import { emulateGetMany } from '@rcs-records/core/kit'
 * declare const adapter: Adapter
 * const getMany = (ids: readonly string[]) => emulateGetMany((id) => adapter.get(id), ids, { concurrency: 4 })
 */
export const emulateGetMany =
  (
    get: (id: string, opts?: CallOptions) => TaskEither<RcsError, RcsRecord>,
    ids: readonly string[],
    options: { concurrency?: number; callOptions?: CallOptions } = {},
  ): TaskEither<RcsError, { records: RcsRecord[]; missing: string[] }> =>
  async () => {
    const limit = pLimit(Math.max(1, options.concurrency ?? 4))
    const unique = uniqueIds(ids)
    let failure: RcsError | null = null
    const results = await Promise.all(
      unique.map((id) =>
        limit(async () => {
          if (failure !== null) return null
          let result: Either<RcsError, RcsRecord>
          try {
            result = await get(id, options.callOptions)()
          } catch (error) {
            result = left(unexpectedError(null, error))
          }
          if (result._tag === 'Right') return result.right
          if (result.left.kind !== 'not_found') failure ??= result.left
          return null
        }),
      ),
    )
    if (failure !== null) return { _tag: 'Left', left: failure }
    const records: RcsRecord[] = []
    const missing: string[] = []
    results.forEach((record, index) => {
      if (record === null) missing.push(unique[index] as string)
      else records.push(record)
    })
    return { _tag: 'Right', right: { records, missing } }
  }
