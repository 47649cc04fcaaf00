const SEPARATORS = /[\s().\-/]/g
const DIGITS = /^\d{7,15}$/

/**
 * Normalises a phone number to E.164 (`+` and 7–15 digits). Accepts `+380…`, `00380…`, `380…`, numbers
 * (BSG sends `phone` as a JSON number) and common separators. Anything else gives null.
 *
 * @example
 * import { toE164 } from '@rcs-records/core'
 * toE164(380661234567) // '+380661234567'
 * toE164('+33 6 12 34 56 78') // '+33612345678'
 * toE164('string') // null
 */
export const toE164 = (value: unknown): string | null => {
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
