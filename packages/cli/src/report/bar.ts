const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const

/**
 * A horizontal bar of `width` terminal cells for a fraction in [0, 1], drawn with unicode blocks to an eighth of a
 * cell and padded with spaces to exactly `width` characters. Out-of-range fractions are clamped, NaN is 0.
 */
export const bar = (fraction: number, width: number): string => {
  const cells = Math.max(0, Math.floor(width))
  const clamped = Number.isNaN(fraction) ? 0 : Math.min(1, Math.max(0, fraction))
  const eighths = Math.round(clamped * cells * 8)
  const full = Math.floor(eighths / 8)
  const drawn = '█'.repeat(full) + EIGHTHS[eighths % 8]
  return drawn + ' '.repeat(cells - drawn.length)
}
