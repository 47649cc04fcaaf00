import { type Adapter, RcsError } from '@rcs-records/core'
import { type AdapterContext, left } from '@rcs-records/core/kit'
import { createRecordsApi } from './api.js'
import type { Config } from './config.js'
import { listSlices } from './list.js'
import { createNormalizer } from './normalize.js'
import { PROVIDER } from './provider.js'

/**
 * The error of `get` and `getMany`: `/j/rcs_records` has no lookup by id.
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
