import { adapter as bsg } from '@rcs-records/bsg'
import { type AdapterDefinition, createClient, type HttpOptions, type Logger, type RcsClient } from '@rcs-records/core'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import type { Vendor } from '@rcs-records/simulator'
import { adapter as spacivox } from '@rcs-records/spacivox'

/** The three built-in vendors, in the order every table lists them. */
export const VENDORS: readonly Vendor[] = ['partner-gateway', 'bsg', 'spacivox']

/** The adapter definitions by vendor. */
export const DEFINITIONS = { 'partner-gateway': partnerGateway, bsg, spacivox } as const

/** The simulator route every vendor's `list()` pages or slices over. */
export const LIST_ROUTE = { 'partner-gateway': 'history', bsg: 'messages', spacivox: 'records' } as const

/** The channel a vendor's `list()` covers (partner-gateway lists one channel, `rcs` by default). */
export const LISTED_CHANNEL = { 'partner-gateway': 'rcs', bsg: undefined, spacivox: undefined } as const

/** Options of {@link clientFor}. */
export interface ClientSetup {
  config: Record<string, unknown>
  http?: HttpOptions
  logger?: Logger
}

/**
 * An adapter whose config is not type-checked at compile time: the setups here include deliberately bad configs,
 * which only the run-time check may reject.
 */
const untyped = <C>(adapter: AdapterDefinition<C>): AdapterDefinition<C> => adapter

/** A client of one vendor (a switch, so each `createClient` call is typed with its own adapter's config). */
export const clientFor = (vendor: Vendor, setup: ClientSetup): RcsClient => {
  const options = {
    config: setup.config,
    ...(setup.http === undefined ? {} : { http: setup.http }),
    ...(setup.logger === undefined ? {} : { logger: setup.logger }),
  }
  switch (vendor) {
    case 'partner-gateway':
      return createClient({ adapter: untyped(partnerGateway), ...options })
    case 'bsg':
      return createClient({ adapter: untyped(bsg), ...options })
    case 'spacivox':
      return createClient({ adapter: untyped(spacivox), ...options })
  }
}

/** Quick-retry HTTP settings: a 500 ms timeout and millisecond backoff, so faulted runs stay fast. */
export const FAST_HTTP: HttpOptions = {
  timeoutMs: 500,
  retry: { limit: 6, baseDelayMs: 5, maxDelayMs: 40 },
  maxRetryAfterMs: 20,
}
