/**
 * partner-gateway's per-key rate limit: a fixed window of `limit` requests per `windowMs`, plus an optional burst
 * cap per second. Real time, not the simulator clock (a frozen clock must not lock a client out forever).
 */
export interface RateLimiter {
  /** Counts one request of `key` and says whether it may pass. */
  take(key: string): RateDecision
}

/**
 * The outcome for one request, with what the `X-RateLimit-*` headers report.
 */
export interface RateDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** Seconds until the window resets (rounded up). */
  resetSeconds: number
  /** Seconds a refused client should wait (rounded up, at least 1). */
  retryAfterSeconds: number
}

/**
 * Rate limit settings of partner-gateway. The vendor's production plan is `{ limit: 1000, windowMs: 60_000,
 * burstPerSecond: 50 }`, trial `{ limit: 100, windowMs: 60_000, burstPerSecond: 10 }`.
 *
 * @example
 * import type { RateLimitOptions } from '@rcs-records/simulator'
 * const trial: RateLimitOptions = { limit: 100, windowMs: 60_000, burstPerSecond: 10 }
 */
export interface RateLimitOptions {
  limit: number
  /** Window length. Default 60,000 ms. */
  windowMs?: number
  /** Extra cap on requests within one second. */
  burstPerSecond?: number
}

interface Window {
  start: number
  used: number
  secondStart: number
  secondUsed: number
}

/**
 * Creates a limiter.
 */
export const createRateLimiter = (options: RateLimitOptions, now: () => number = Date.now): RateLimiter => {
  const windowMs = options.windowMs ?? 60_000
  const windows = new Map<string, Window>()
  return {
    take: (key) => {
      const t = now()
      let w = windows.get(key)
      if (w === undefined || t - w.start >= windowMs) {
        w = { start: t, used: 0, secondStart: t, secondUsed: 0 }
        windows.set(key, w)
      }
      if (t - w.secondStart >= 1000) {
        w.secondStart = t
        w.secondUsed = 0
      }
      const resetMs = w.start + windowMs - t
      const overWindow = w.used >= options.limit
      const overBurst = options.burstPerSecond !== undefined && w.secondUsed >= options.burstPerSecond
      if (!overWindow && !overBurst) {
        w.used++
        w.secondUsed++
      }
      const waitMs = overWindow ? resetMs : overBurst ? w.secondStart + 1000 - t : 0
      return {
        allowed: !overWindow && !overBurst,
        limit: options.limit,
        remaining: Math.max(0, options.limit - w.used),
        resetSeconds: Math.max(0, Math.ceil(resetMs / 1000)),
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      }
    },
  }
}
