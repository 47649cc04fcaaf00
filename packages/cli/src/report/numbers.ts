/**
 * A count with thousands separators.
 */
export const formatCount = (value: number): string => value.toLocaleString('en-US')

/**
 * A fraction as a percentage with one decimal; `–` when there is none.
 */
export const formatPercent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`)
