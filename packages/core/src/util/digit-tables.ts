/**
 * Zero-padded decimal texts of small integers, looked up instead of formatted on the hot paths that write timestamps
 * and phone numbers (`TWO_DIGITS[7]` is `'07'`, `THREE_DIGITS[42]` is `'042'`). Shared, so a bundle carries one copy.
 */
export const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

/**
 * `'00'` to `'99'`, by value.
 */
export const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
