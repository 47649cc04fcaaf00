import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { storeError } from '../errors.js'
import { lockDirectory } from './dir-lock.js'
import type { Driver, Queryable } from './driver.js'
import { serve, type ThreadError, type ThreadReady, type ThreadReply, type ThreadRequest } from './pglite-thread.js'

/** The source of the PGlite thread: `serve` (self-contained) called with PGlite's `create` and the parent port. */
const threadSource = (pglitePath: string): string => `
  'use strict'
  var __name = (target) => target
  const { parentPort, workerData } = require('node:worker_threads')
  const { PGlite } = require(${JSON.stringify(pglitePath)})
  ;(${serve.toString()})((options) => PGlite.create(options), workerData, parentPort)
`

/** The database error a thread reported, as an Error with its SQLSTATE (what `storeError` reads). */
const threadError = (error: ThreadError): Error => Object.assign(new Error(error.message), { code: error.code })

type Pending = { resolve: (reply: ThreadReply & { ok: true }) => void; reject: (error: unknown) => void }

/**
 * Opens PGlite (PostgreSQL compiled to WebAssembly, in this process) on a worker thread of its own — PGlite runs
 * SQL synchronously, and on the caller's thread every statement would stop its event loop — in memory when
 * `dataDir` is null, otherwise on disk in that directory (created if missing), locked for this process while open
 * (see `lockDirectory`). The worker keeps the process alive only while a request is waiting for it, as PGlite on
 * the caller's thread did. Durability: PGlite writes its WAL and data files through to the file system on every
 * commit (`relaxedDurability` off), so a killed process loses no committed transaction; PGlite runs with `fsync`
 * off, so an operating-system crash or a power cut may.
 */
export const openPglite = async (dataDir: string | null): Promise<Driver> => {
  const where = dataDir === null ? 'memory://' : `pglite:${dataDir}`
  let release = () => {}
  let absolute: string | null = null
  try {
    if (dataDir !== null) {
      absolute = resolve(dataDir)
      mkdirSync(absolute, { recursive: true })
      release = lockDirectory(absolute)
    }
  } catch (error) {
    throw storeError(error, where, 'open')
  }
  const options =
    absolute === null ? { relaxedDurability: false } : { dataDir: `file://${absolute}`, relaxedDurability: false }
  const pglitePath = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const worker = new Worker(threadSource(pglitePath), { eval: true, workerData: options })
  const pending = new Map<number, Pending>()
  let nextId = 0
  let closed = false
  let closing: Promise<void> | null = null
  let gone: Error | null = null
  const idle = () => {
    if (pending.size === 0) worker.unref()
  }
  const failAll = (error: Error) => {
    gone ??= error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  const ready = new Promise<void>((resolveReady, rejectReady) => {
    worker.once('message', (message: ThreadReady) => {
      if (message.ready) resolveReady()
      else rejectReady(threadError(message.error))
      worker.on('message', (reply: ThreadReply) => {
        const waiting = pending.get(reply.id)
        if (waiting === undefined) return
        pending.delete(reply.id)
        idle()
        if (reply.ok) waiting.resolve(reply)
        else waiting.reject(threadError(reply.error))
      })
    })
    worker.once('error', (error) => {
      rejectReady(error)
      failAll(error)
    })
    worker.once('exit', (code) => {
      const error = new Error(`the PGlite thread stopped (exit code ${code})`)
      rejectReady(error)
      failAll(error)
    })
  })
  try {
    await ready
  } catch (error) {
    await worker.terminate()
    release()
    throw storeError(error, where, 'open')
  }
  worker.unref()

  type Request = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never
  const send = (request: Request): Promise<ThreadReply & { ok: true }> =>
    new Promise((resolveReply, rejectReply) => {
      if (gone !== null || closed) {
        rejectReply(gone ?? new Error('the store is closed'))
        return
      }
      const id = ++nextId
      pending.set(id, { resolve: resolveReply, reject: rejectReply })
      worker.ref()
      worker.postMessage({ id, ...request })
    })
  const queryIn =
    (tx: number | undefined): Queryable['query'] =>
    async <Row>(sql: string, params?: readonly unknown[]) =>
      ((await send({ op: 'query', sql, params: params === undefined ? undefined : [...params], tx })).rows ??
        []) as Row[]
  const query = queryIn(undefined)
  return {
    engine: 'pglite',
    query: async (sql, params) => {
      try {
        return await query(sql, params)
      } catch (error) {
        throw storeError(error, where, 'query')
      }
    },
    transaction: async (work) => {
      let tx: number
      try {
        tx = (await send({ op: 'begin' })).tx as number
      } catch (error) {
        throw storeError(error, where, 'transaction')
      }
      let result: Awaited<ReturnType<typeof work>>
      try {
        result = await work({ query: queryIn(tx) })
      } catch (error) {
        await send({ op: 'end', tx, commit: false }).catch(() => {})
        throw storeError(error, where, 'transaction')
      }
      try {
        await send({ op: 'end', tx, commit: true })
      } catch (error) {
        throw storeError(error, where, 'transaction')
      }
      return result
    },
    close: () => {
      closing ??= (async () => {
        try {
          await send({ op: 'close' })
        } finally {
          closed = true
          await worker.terminate()
          release()
        }
      })()
      return closing
    },
  }
}
