const MAX_PREVIEW = 160

const replacer = (_key: string, value: unknown): unknown => {
  if (typeof value === 'bigint') return `${value}n`
  if (value === undefined) return '[undefined]'
  return value
}

/**
 * A short, safe rendering of any value for a problem report (never throws, even on cycles or BigInt).
 */
export const preview = (value: unknown): string => {
  let text: string
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value, replacer) ?? String(value))
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 3)}...` : text
}
