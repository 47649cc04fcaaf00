import type { RcsError } from '@rcs-records/core'
import { encodePathSegment, type HttpResponse, type HttpTransport } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { authHeaders } from './auth.js'
import type { Config } from './codec.js'
import { encodeId } from './encode-id.js'
import { notFoundOnChannel, retryAfterFromBody, uriTooLong } from './errors.js'
import { PROVIDER } from './normalize.js'

const STATUS_PATH = '/partner-gateway/v1/messages/status'
const HISTORY_PATH = '/partner-gateway/v1/messages/history'

/**
 * The start of every batch-status URL, up to and including `ids=`; ids follow, then {@link batchUrlSuffix}.
 *
 * @example
 * import { batchUrlPrefix } from '@rcs-records/partner-gateway'
 * batchUrlPrefix('https://lora-api.agiletelecom.com/api') // 'https://lora-api.agiletelecom.com/api/partner-gateway/v1/messages/status?ids='
 */
export const batchUrlPrefix = (baseUrl: string): string => `${new URL(`${baseUrl}${STATUS_PATH}`).href}?ids=`

/**
 * The end of every batch-status URL: the channel, upper-case.
 *
 * @example
 * import { batchUrlSuffix } from '@rcs-records/partner-gateway'
 * batchUrlSuffix('RCS') // '&channel=RCS'
 */
export const batchUrlSuffix = (wireChannel: string): string => `&channel=${wireChannel}`

/**
 * The batch-status URL of some ids: each id URL-encoded, joined with a bare `,` (no spaces), as the vendor documents.
 *
 * @example
 * import { batchUrl } from '@rcs-records/partner-gateway'
 * batchUrl('https://lora-api.agiletelecom.com/api', ['msg-001', 'msg-002'], 'RCS')
 * // 'https://lora-api.agiletelecom.com/api/partner-gateway/v1/messages/status?ids=msg-001,msg-002&channel=RCS'
 */
export const batchUrl = (baseUrl: string, ids: readonly string[], wireChannel: string): string =>
  batchUrlFrom(batchUrlPrefix(baseUrl), ids, wireChannel)

/** {@link batchUrl} from a prefix already computed (the API computes it once, not per request). */
const batchUrlFrom = (prefix: string, ids: readonly string[], wireChannel: string): string =>
  `${prefix}${ids.map(encodeId).join(',')}${batchUrlSuffix(wireChannel)}`

/**
 * The query of one history page.
 *
 * @example
 * import type { HistoryQuery } from './api.js'
 * const query: HistoryQuery = { channel: 'RCS', from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z', page: 0, limit: 100 }
 */
export interface HistoryQuery {
  channel: string
  from: string
  to: string
  status?: string
  page: number
  limit: number
}

/**
 * The three status-reading endpoints, authenticated, with the vendor's error quirks handled (429 body hint, the 404
 * of a channel mismatch, 414).
 *
 * @example
 * import type { PartnerApi } from './api.js'
 * const first = (api: PartnerApi) => api.status('order-12345', 'RCS')
 */
export interface PartnerApi {
  /** `GET /messages/status/{id}?channel=`; an id of `.` or `..` is a `bad_request` without a request. */
  status(id: string, wireChannel: string, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
  /** `GET /messages/status?ids=a,b&channel=`. */
  batch(ids: readonly string[], wireChannel: string, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
  /** `GET /messages/history?channel=&from=&to=&status=&page=&limit=`. */
  history(query: HistoryQuery, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
}

/**
 * Builds the {@link PartnerApi} of a config over core's transport.
 *
 * @example
 * import { createHttpTransport } from '@rcs-records/core/kit'
 * import { createPartnerApi } from './api.js'
 * const api = createPartnerApi(createHttpTransport({ provider: 'partner-gateway' }), config)
 */
export const createPartnerApi = (
  http: HttpTransport,
  config: Pick<Config, 'baseUrl' | 'maxUrlLength' | 'apiKey' | 'username' | 'password'>,
): PartnerApi => {
  const headers = authHeaders(config, http.secrets)
  const statusBase = `${config.baseUrl}${STATUS_PATH}`
  const batchPrefix = batchUrlPrefix(config.baseUrl)
  const classifyBatch = uriTooLong(config.maxUrlLength)
  return {
    status: (id, wireChannel, signal) => {
      // `.` and `..` would name another path: refused before any request (core's encodePathSegment).
      const segment = encodePathSegment(PROVIDER, id)
      if (segment._tag === 'Left') return async () => segment
      return http.request({
        url: `${statusBase}/${segment.right}`,
        searchParams: { channel: wireChannel },
        headers,
        signal,
        retryAfterFromBody,
        classifyError: notFoundOnChannel(id, wireChannel),
      })
    },
    batch: (ids, wireChannel, signal) =>
      http.request({
        url: batchUrlFrom(batchPrefix, ids, wireChannel),
        headers,
        signal,
        retryAfterFromBody,
        classifyError: classifyBatch,
      }),
    history: (query, signal) =>
      http.request({
        url: `${config.baseUrl}${HISTORY_PATH}`,
        searchParams: {
          channel: query.channel,
          from: query.from,
          to: query.to,
          status: query.status,
          page: query.page,
          limit: query.limit,
        },
        headers,
        signal,
        retryAfterFromBody,
      }),
  }
}
