const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/

/**
 * Parses a duration such as `250ms`, `5s`, `2m`, `1h`, `7d`; a bare number is seconds. Null when it is not one.
 */
export const parseDuration = (text: string): number | null => {
  const match = DURATION.exec(text.trim())
  if (match === null) return null
  const amount = Number(match[1])
  const unit = UNIT_MS[match[2] ?? 's'] ?? 1_000
  const ms = Math.round(amount * unit)
  return Number.isFinite(ms) ? ms : null
}
