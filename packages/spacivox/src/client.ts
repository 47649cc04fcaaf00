import { type Adapter, RcsError } from '@rcs-records/core'
import { type AdapterContext, left } from '@rcs-records/core/kit'
import { createRecordsApi } from './api.js'
import type { Config } from './config.js'
import { listSlices } from './list.js'
import { createNormalizer } from './normalize.js'
import { PROVIDER } from './provider.js'

/**
 * The error of `get` and `getMany`: `/j/rcs_records` has no lookup by id.
 *
 * @example
 * import { unsupportedLookup } from './client.js'
 * unsupportedLookup('get').kind // 'unsupported'
 */
export const unsupportedLookup = (what: 'get' | 'getMany'): RcsError =>
  new RcsError({
    kind: 'unsupported',
    provider: PROVIDER,
    message:
      `${PROVIDER}: ${what} is not supported: /j/rcs_records has no lookup by id; use list({ from, to }) over the ` +
      'window the message was sent in (filter by `reference` if you know it)',
  })

/**
 * The adapter's wiring — "client" as in every adapter's `client.ts`, not core's `RcsClient` (what applications call,
 * built by `createClient` around this). It builds the Spacivox adapter instance from a complete config (what
 * `adapter.create` does): `list` over time slices, the pure `normalize`, and `get`/`getMany` that fail with
 * `unsupported`.
 *
 * @example
 * import { silentLogger, systemClock } from '@rcs-records/core'
 * import { createHttpTransport } from '@rcs-records/core/kit'
 * import { ConfigCodec, createSpacivoxAdapter } from '@rcs-records/spacivox'
 * const decoded = ConfigCodec.decode({ token: '0a1b2c3d4e5f', baseUrl: 'https://api.example.com' })
 * if (decoded._tag === 'Right') {
 *   const spacivox = createSpacivoxAdapter(decoded.right, {
 *     http: createHttpTransport({ provider: 'spacivox' }), clock: systemClock, logger: silentLogger,
 *   })
 * }
 */
export const createSpacivoxAdapter = (config: Config, ctx: AdapterContext): Adapter => {
  ctx.http.secrets.add(config.token)
  const api = createRecordsApi(ctx.http, config)
  const normalize = createNormalizer(
    config.defaultCountry === undefined ? {} : { defaultCountry: config.defaultCountry },
  )
  return {
    get: () => async () => left(unsupportedLookup('get')),
    getMany: () => async () => left(unsupportedLookup('getMany')),
    list: (query) => listSlices({ api, config, clock: ctx.clock, logger: ctx.logger, normalize }, query),
    normalize,
  }
}
