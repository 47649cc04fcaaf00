import type { Either } from 'fp-ts/lib/Either.js'
import nock from 'nock'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { RcsError } from '../../src/index.js'
import { createHttpTransport, type HttpResponse, type TransportOptions } from '../../src/kit.js'
import { type FakeClock, fakeClock } from './fake-clock.js'

export const ORIGIN = 'https://api.example.com'

/** Installs nock for a test file: no real network, every interceptor cleared after each test. */
export const useNock = (): void => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    nock.abortPendingRequests()
    nock.cleanAll()
  })
  afterAll(() => nock.enableNetConnect())
}

/** A transport with a fake clock (retry waits are recorded, never slept) and pinned jitter. */
export const transport = (
  options: Partial<TransportOptions> = {},
): { http: ReturnType<typeof createHttpTransport>; clock: FakeClock } => {
  const clock = fakeClock()
  const http = createHttpTransport({ provider: 'acme', clock, random: () => 0.5, ...options })
  return { http, clock }
}

export const expectLeft = (result: Either<RcsError, HttpResponse>): RcsError => {
  if (result._tag === 'Right') throw new Error(`expected a Left, got HTTP ${result.right.status}`)
  return result.left
}

export const expectRight = (result: Either<RcsError, HttpResponse>): HttpResponse => {
  if (result._tag === 'Left') throw new Error(`expected a Right, got ${result.left.kind}: ${result.left.message}`)
  return result.right
}
