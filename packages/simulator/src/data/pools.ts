/**
 * Realistic-looking values the generators draw from.
 */

/**
 * RCS message texts (already safe inside JSON strings).
 *
 * @example
 * import { MESSAGE_TEXTS } from './pools.js'
 * MESSAGE_TEXTS.length > 3 // true
 */
export const MESSAGE_TEXTS: readonly string[] = [
  'Your order #4471 has shipped. Track it in the app.',
  'Reminder: your appointment is tomorrow at 10:30.',
  'Flash sale: 20% off everything until midnight!',
  'Your verification code is 583920.',
  'Thanks for your payment. Your receipt is ready.',
  'Your parcel is waiting at the pickup point.',
  'New arrivals are in. Tap to see the collection.',
  'Your table for two is confirmed for 19:00.',
]

/**
 * Sender / agent names.
 *
 * @example
 * import { AGENT_NAMES } from './pools.js'
 * AGENT_NAMES[0] // 'ShopDemo'
 */
export const AGENT_NAMES: readonly string[] = ['ShopDemo', 'BankNotify', 'TravelDesk', 'PizzaNow', 'CityClinic']

/**
 * Picks from a pool with a random word.
 *
 * @example
 * import { pickFrom, AGENT_NAMES } from './pools.js'
 * pickFrom(AGENT_NAMES, 7) // 'TravelDesk'
 */
export const pickFrom = <T>(pool: readonly T[], word: number): T => {
  const value = pool[word % pool.length]
  if (value === undefined) throw new RangeError('pickFrom needs a non-empty pool')
  return value
}
