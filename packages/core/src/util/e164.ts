import { integerText } from './integer-text.js'

const SEPARATORS = /[\s().\-/]/g
const DIGITS = /^\d{7,15}$/

/** True for `+` and 7–15 digits, the first not 0: already E.164 (`+33612345678`). */
const isPlainE164 = (text: string): boolean => {
  const length = text.length
  if (length < 8 || length > 16 || text.charCodeAt(0) !== 43 || text.charCodeAt(1) === 48) return false
  for (let index = 1; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) return false
  }
  return true
}

/**
 * Normalises a phone number to E.164 (`+` and 7–15 digits). Accepts `+380…`, `00380…`, `380…`, numbers
 * (BSG sends `phone` as a JSON number) and common separators. Anything else gives null. A string already in E.164
 * is checked without a regex and returned as is.
 *
 * @example
 * import { toE164 } from '@rcs-records/core'
 * toE164(380661234567) // '+380661234567'
 * toE164('+33 6 12 34 56 78') // '+33612345678'
 * toE164('string') // null
 */
export const toE164 = (value: unknown): string | null => {
  if (typeof value === 'string' && isPlainE164(value)) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1_000_000 && value <= 999_999_999_999_999) {
    return `+${integerText(value)}`
  }
  let text: string
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return null
    text = String(value)
  } else if (typeof value === 'string') {
    if (value.length > 32) return null
    text = value.replace(SEPARATORS, '')
    if (text.startsWith('+')) text = text.slice(1)
    else if (text.startsWith('00')) text = text.slice(2)
  } else {
    return null
  }
  return DIGITS.test(text) && text[0] !== '0' ? `+${text}` : null
}
