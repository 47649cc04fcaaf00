import { toE164 } from '@rcs-records/core'

/**
 * A recipient as E.164, exactly as core's `toE164` reads it, with a fast path for the form partner-gateway sends
 * (`+393401234567`: already E.164, returned as is without a regex).
 *
 * @example
 * import { readE164 } from './phone.js'
 * readE164('+393401234567') // '+393401234567'
 * readE164('0039 340 123 4567') // '+393401234567'
 * readE164('n/a') // null
 */
export const readE164 = (value: unknown): string | null => {
  if (typeof value === 'string' && value.length >= 8 && value.length <= 16 && value.charCodeAt(0) === 43) {
    let digits = true
    for (let index = 1; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code < 48 || code > 57) {
        digits = false
        break
      }
    }
    if (digits && value.charCodeAt(1) !== 48) return value
  }
  return toE164(value)
}
