import type { RcsError, RcsErrorKind } from '@rcs-records/core'
import {
  decodeError,
  describeValue,
  formatIsoSeconds,
  type HttpFailure,
  type HttpTransport,
  left,
  right,
  vendorMessageOf,
} from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { Config } from './config.js'
import { RecordsResponseCodec } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * The path of the RCS records endpoint under `baseUrl`.
 */
export const RECORDS_PATH = '/j/rcs_records'

/**
 * Formats an instant for `start`, `end` and `modified_since`: ISO-8601 UTC, in the documented form
 * `2015-01-06T00:00:00Z` when it falls on a whole second, with milliseconds otherwise (so no instant is rounded).
 */
export const formatInstant = (ms: number): string =>
  ms % 1000 === 0 ? formatIsoSeconds(ms) : new Date(ms).toISOString()

/**
 * One request's window: `[start, end)` in epoch ms, and the optional `modified_since`.
 */
export interface SliceRequest {
  start: number
  end: number
  modifiedSince?: number
}

/**
 * The query string of one request, in the vendor example's order: `start`, `end`, `team`, then `modified_since`
 * and `include` when used.
 */
export const searchParamsOf = (
  slice: SliceRequest,
  config: Pick<Config, 'team' | 'includeContent'>,
): Record<string, string | number | undefined> => ({
  start: formatInstant(slice.start),
  end: formatInstant(slice.end),
  team: config.team,
  modified_since: slice.modifiedSince === undefined ? undefined : formatInstant(slice.modifiedSince),
  include: config.includeContent ? 'content_message' : undefined,
})

const bodyText = (body: unknown): string | null => {
  const message = vendorMessageOf(body)
  if (message !== null) return message
  if (body === null || body === undefined) return null
  const json = JSON.stringify(body)
  return json.length > 300 ? `${json.slice(0, 297)}...` : json
}

/**
 * Explains the API's error answers: 403 is how it refuses a bad or missing token (`auth`); 400 is a refused query
 * (`bad_request`) and carries the vendor's body text. Other statuses keep core's defaults (5xx are retried).
 */
export const classifyRecordsError = (
  failure: HttpFailure,
): Partial<{ kind: RcsErrorKind; message: string; details: unknown }> | null => {
  const where = `${PROVIDER}: GET ${RECORDS_PATH}`
  if (failure.status === 403) {
    return {
      kind: 'auth',
      message: `${where} answered 403 Forbidden: the token was refused (this API answers 403 for a bad or missing token; check \`token\`)`,
    }
  }
  if (failure.status === 400) {
    const text = bodyText(failure.body)
    return {
      kind: 'bad_request',
      message: `${where} answered 400 Bad Request${text === null ? ' (no explanation in the body)' : `: ${text}`}`,
      details: { body: text },
    }
  }
  return null
}

const notAnArray = (body: unknown): RcsError =>
  decodeError(PROVIDER, body, [
    { path: '(root)', expected: 'a JSON array of RCS records', actual: describeValue(body) },
  ])

/**
 * The records endpoint: one `GET /j/rcs_records` per slice, Bearer-authenticated, the body checked to be the
 * documented bare array (items are decoded one by one by the caller). The array is the freshly parsed body, the
 * caller's to keep or empty as it reads.
 */
export const createRecordsApi = (http: HttpTransport, config: Config) => {
  const url = `${config.baseUrl}${RECORDS_PATH}`
  const headers = { authorization: `Bearer ${config.token}` }
  return {
    records:
      (slice: SliceRequest, signal?: AbortSignal): TaskEither<RcsError, unknown[]> =>
      async () => {
        const result = await http.request({
          url,
          headers,
          searchParams: searchParamsOf(slice, config),
          classifyError: classifyRecordsError,
          ...(signal === undefined ? {} : { signal }),
        })()
        if (result._tag === 'Left') return result
        const body = result.right.body
        return RecordsResponseCodec.is(body) ? right(body as unknown[]) : left(notAnArray(body))
      },
  }
}

/**
 * The records endpoint as {@link createRecordsApi} builds it.
 */
export type RecordsApi = ReturnType<typeof createRecordsApi>
