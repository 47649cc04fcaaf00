import type { CallOptions } from '@rcs-records/core'
import { startSimulator, type TruthQuery, type Vendor } from '@rcs-records/simulator'
import type { ConformanceServer, ConformanceWindow } from '@rcs-records/testkit'

const HOUR = 3_600_000

/** Fixed simulator instant: the data (and the windows below) do not depend on when the tests run. */
const NOW = Date.parse('2026-03-02T12:00:00.000Z')

const instant = (value: Date | string): number => (typeof value === 'string' ? Date.parse(value) : value.getTime())

/**
 * A conformance server backed by `@rcs-records/simulator`: a window of 30 hours ending 6 hours before the
 * simulator's now (several pages or slices of records), the ground truth as `expectedIds`, the first expected id as
 * `knownId`.
 */
export const simulatorServer =
  (
    vendor: Vendor,
    options: {
      unknownId?: string
      pageSize?: number
      truth?: Omit<TruthQuery, 'from' | 'to'>
      callOptions?: (window: ConformanceWindow) => CallOptions
    } = {},
  ) =>
  async (): Promise<ConformanceServer> => {
    const sim = await startSimulator({ seed: 7, records: 600, now: NOW, windowMs: 3 * 24 * HOUR })
    const window = { from: new Date(NOW - 36 * HOUR).toISOString(), to: new Date(NOW - 6 * HOUR).toISOString() }
    const truthOf = (w: ConformanceWindow) => ({ ...options.truth, from: instant(w.from), to: instant(w.to) })
    const knownId = sim.truth.ids(vendor, truthOf(window))[0]
    return {
      config: sim.config[vendor],
      window,
      ...(knownId === undefined ? {} : { knownId }),
      ...(options.unknownId === undefined ? {} : { unknownId: options.unknownId }),
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.callOptions === undefined ? {} : { callOptions: options.callOptions(window) }),
      clock: sim.clock,
      expectedIds: (w) => sim.truth.ids(vendor, truthOf(w)),
      close: () => sim.close(),
    }
  }
