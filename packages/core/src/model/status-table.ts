import type { DeliveryStatus } from './status.js'

/**
 * An adapter's native → canonical status table, exported so users can read it.
 *
 * @example
 * import type { StatusTable } from '@rcs-records/core'
 * const table: StatusTable<string> = { sent: 'sent', delivered: 'delivered' }
 */
export type StatusTable<K extends string | number> = Readonly<Partial<Record<K, DeliveryStatus>>>

/**
 * Looks a native status up in a table. Anything not in it (including inherited keys such as `constructor`)
 * is `unknown` — never an exception, never a guess.
 *
 * @example
 * import { lookupStatus } from '@rcs-records/core/kit'
 * lookupStatus({ DELIVERED: 'delivered' }, 'DELIVERED') // 'delivered'
 * lookupStatus({ DELIVERED: 'delivered' }, 'constructor') // 'unknown'
 */
export const lookupStatus = (
  table: Readonly<Record<string, DeliveryStatus | undefined>>,
  value: unknown,
): DeliveryStatus => {
  if (typeof value !== 'string' && typeof value !== 'number') return 'unknown'
  const key = String(value)
  return Object.hasOwn(table, key) ? (table[key] ?? 'unknown') : 'unknown'
}
