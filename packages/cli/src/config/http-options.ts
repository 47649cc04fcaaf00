import type { HttpOptions, RetryOptions } from '@rcs-records/core'
import { CliError } from '../cli-error.js'

/**
 * The HTTP settings given as flags: `--timeout` (or `--request-timeout`), `--retries`, `--concurrency`,
 * `--allow-insecure-http`.
 */
export interface HttpFlags {
  timeoutMs?: number
  retries?: number
  concurrency?: number
  allowInsecureHttp?: boolean
}

/**
 * The retries core makes after a failed attempt when nothing says otherwise (core's default), so the CLI can say
 * "attempt 2/5".
 */
export const DEFAULT_RETRIES = 4

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

type Check = (value: unknown) => boolean
const wholeAtLeast =
  (min: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min
const ms: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value > 0
const FIELDS: Readonly<Record<string, { check: Check; expected: string }>> = {
  timeoutMs: { check: ms, expected: 'a number of milliseconds above 0' },
  maxRetryAfterMs: { check: (value) => typeof value === 'number' && value >= 0, expected: 'milliseconds ≥ 0' },
  concurrency: { check: wholeAtLeast(1), expected: 'a whole number ≥ 1' },
  userAgent: { check: (value) => typeof value === 'string' && value !== '', expected: 'a non-empty string' },
  maxBodyBytes: { check: wholeAtLeast(1), expected: 'a whole number of bytes ≥ 1' },
  allowInsecureHttp: { check: (value) => typeof value === 'boolean', expected: 'true or false' },
}
const RETRY_FIELDS: Readonly<Record<string, { check: Check; expected: string }>> = {
  limit: { check: wholeAtLeast(0), expected: 'a whole number ≥ 0' },
  baseDelayMs: { check: (value) => typeof value === 'number' && value >= 0, expected: 'milliseconds ≥ 0' },
  maxDelayMs: { check: (value) => typeof value === 'number' && value >= 0, expected: 'milliseconds ≥ 0' },
}

/**
 * Reads the `http` object of a config file: core's `HttpOptions` (`timeoutMs`, `retry: { limit, baseDelayMs,
 * maxDelayMs }`, `maxRetryAfterMs`, `concurrency`, `userAgent`, `maxBodyBytes`, `allowInsecureHttp`), plus
 * `retries` as a short form of `retry.limit`. A problem is a config error naming the field, never its value.
 */
export const parseHttpSection = (value: unknown, where: string): HttpOptions => {
  if (value === undefined) return {}
  if (!isPlainObject(value)) throw CliError.config(`${where} must be an object such as {"timeoutMs": 10000}`)
  const options: Record<string, unknown> = {}
  const retry: Record<string, unknown> = {}
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'retries') {
      if (!wholeAtLeast(0)(fieldValue)) throw CliError.config(`${where}.retries: expected a whole number ≥ 0`)
      retry.limit = fieldValue
      continue
    }
    if (field === 'retry') {
      if (!isPlainObject(fieldValue)) throw CliError.config(`${where}.retry must be an object such as {"limit": 2}`)
      for (const [retryField, retryValue] of Object.entries(fieldValue)) {
        const rule = RETRY_FIELDS[retryField]
        if (rule === undefined) {
          throw CliError.config(
            `${where}.retry.${retryField}: unknown (expected ${Object.keys(RETRY_FIELDS).join(', ')})`,
          )
        }
        if (!rule.check(retryValue)) throw CliError.config(`${where}.retry.${retryField}: expected ${rule.expected}`)
        retry[retryField] = retryValue
      }
      continue
    }
    const rule = FIELDS[field]
    if (rule === undefined) {
      throw CliError.config(
        `${where}.${field}: unknown (expected ${[...Object.keys(FIELDS), 'retry', 'retries'].join(', ')})`,
      )
    }
    if (!rule.check(fieldValue)) throw CliError.config(`${where}.${field}: expected ${rule.expected}`)
    options[field] = fieldValue
  }
  if (Object.keys(retry).length > 0) options.retry = retry as RetryOptions
  return options as HttpOptions
}

/**
 * Merges HTTP settings, later sources winning field by field (`retry` merged too): the file's top-level `http`,
 * then the provider's own `http`, then the flags.
 */
export const mergeHttpOptions = (shared: HttpOptions, own: HttpOptions, flags: HttpFlags): HttpOptions => {
  const retry: RetryOptions = {
    ...shared.retry,
    ...own.retry,
    ...(flags.retries === undefined ? {} : { limit: flags.retries }),
  }
  return {
    ...shared,
    ...own,
    ...(flags.timeoutMs === undefined ? {} : { timeoutMs: flags.timeoutMs }),
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    ...(flags.allowInsecureHttp === true ? { allowInsecureHttp: true } : {}),
    ...(Object.keys(retry).length === 0 ? {} : { retry }),
  }
}
