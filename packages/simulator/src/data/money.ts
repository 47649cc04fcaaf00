/**
 * Money as integer ten-thousandths, formatted as BSG prints amounts: a decimal string with 7 places.
 */
export const formatAmount7 = (tenThousandths: number): string => {
  const whole = Math.floor(tenThousandths / 10_000)
  const fraction = String(tenThousandths - whole * 10_000).padStart(4, '0')
  return `${whole}.${fraction}000`
}
