/**
 * ASCII character codes the hand-written readers compare `charCodeAt` results with (timestamps, decimals).
 * Internal to core.
 */
export const ZERO = 48
export const SPACE = 32
export const PLUS = 43
export const DASH = 45
export const DOT = 46
export const COLON = 58
export const T = 84
export const Z = 90
