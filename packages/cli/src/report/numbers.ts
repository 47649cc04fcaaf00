/**
 * A count with thousands separators.
 *
 * @example
 * import { formatCount } from '@rcs-records/cli'
 * formatCount(12345) // '12,345'
 */
export const formatCount = (value: number): string => value.toLocaleString('en-US')

/**
 * A fraction as a percentage with one decimal; `–` when there is none.
 *
 * @example
 * import { formatPercent } from '@rcs-records/cli'
 * formatPercent(0.1234) // '12.3%'
 * formatPercent(null) // '–'
 */
export const formatPercent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`)
