import type { DecodeErrorDetails } from '../errors/decode-error.js'
import type { RcsError } from '../errors/rcs-error.js'
import type { Logger } from '../runtime/logger.js'
import type { ListQuery } from './contract.js'

/**
 * What a `list` does with a record that fails to decode inside an otherwise good page: with `strict: true` it
 * throws the error; otherwise it skips the record and reports it to `onInvalid`, or by default as a logger warning
 * with the decode path and whatever id was readable. The error keeps the raw record in `details.raw`.
 *
 * @example
 * import type { Adapter, ListQuery } from '@rcs-records/core'
 * import { type AdapterContext, reportInvalidRecord } from '@rcs-records/core/kit'
 * declare const adapter: Adapter, item: unknown, query: ListQuery, ctx: AdapterContext
 * const result = adapter.normalize(item)
 * if (result._tag === 'Left') reportInvalidRecord(query, ctx.logger, result.left)
 */
export const reportInvalidRecord = (
  query: Pick<ListQuery, 'onInvalid' | 'strict'>,
  logger: Logger,
  error: RcsError,
): void => {
  if (query.strict === true) throw error
  if (query.onInvalid !== undefined) {
    query.onInvalid(error)
    return
  }
  const details = error.details as Partial<DecodeErrorDetails> | null
  logger.warn('skipped a record that failed to decode', {
    provider: error.provider,
    id: details?.id ?? null,
    paths: details?.issues?.map((issue) => issue.path) ?? [],
    message: error.message,
  })
}
