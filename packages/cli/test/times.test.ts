import { describe, expect, it } from 'vitest'
import { parseDuration } from '../src/args/duration.js'
import { parseInstant } from '../src/args/instant.js'

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['5s', 5_000],
    ['5', 5_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', 'soon', '-5s', '5 minutes', '1w'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull())
})

describe('parseInstant', () => {
  const now = Date.parse('2026-03-01T12:00:00Z')
  it.each([
    ['now', '2026-03-01T12:00:00.000Z'],
    ['now-90m', '2026-03-01T10:30:00.000Z'],
    ['NOW - 1d', '2026-02-28T12:00:00.000Z'],
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['2026-01-31T10:00:00Z', '2026-01-31T10:00:00.000Z'],
    ['2026-01-31T10:00:00+02:00', '2026-01-31T08:00:00.000Z'],
    ['2026-01-31 10:00', '2026-01-31T10:00:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseInstant(text, now)).toBe(iso))

  it.each(['yesterday', '2026-13-01', '31/01/2026', 'now+1h', 'now-x'])('rejects %j', (text) =>
    expect(parseInstant(text, now)).toBeNull(),
  )
})
