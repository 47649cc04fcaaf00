/**
 * Realistic-looking values the generators draw from.
 */

/**
 * RCS message texts (already safe inside JSON strings).
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
 */
export const AGENT_NAMES: readonly string[] = ['ShopDemo', 'BankNotify', 'TravelDesk', 'PizzaNow', 'CityClinic']

/**
 * Picks from a pool with a random word.
 */
export const pickFrom = <T>(pool: readonly T[], word: number): T => {
  const value = pool[word % pool.length]
  if (value === undefined) throw new RangeError('pickFrom needs a non-empty pool')
  return value
}
