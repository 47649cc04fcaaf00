/**
 * Money as integer ten-thousandths, formatted as BSG prints amounts: a decimal string with 7 places.
 *
 * @example
 * import { formatAmount7 } from './money.js'
 * formatAmount7(3500) // '0.3500000'
 * formatAmount7(15600) // '1.5600000'
 */
export const formatAmount7 = (tenThousandths: number): string => {
  const whole = Math.floor(tenThousandths / 10_000)
  const fraction = String(tenThousandths - whole * 10_000).padStart(4, '0')
  return `${whole}.${fraction}000`
}
