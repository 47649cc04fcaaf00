/*
 * The thread PGlite runs on. PGlite executes SQL synchronously inside WebAssembly: on the caller's thread, every
 * statement stops its event loop (a webhook server answers nothing while a batch is written). The store runs it on
 * a worker thread instead and talks to it by messages; this file is that thread's side of the protocol.
 *
 * `serve` is sent to the worker as its source text (`serve.toString()`), so that the worker needs no file of its own
 * (the package runs from its TypeScript sources in tests and from dist/ when installed): it must not close over
 * anything of this module — everything it uses comes in as an argument.
 */

/** A message to the PGlite thread. `tx` names an open transaction; without it a query runs on its own. */
export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] | undefined; tx: number | undefined }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' }

/** What a database error carries across the thread boundary (an Error's class does not survive the copy). */
export interface ThreadError {
  message: string
  code: string | undefined
}

/** The answer to one request: the rows of a query, the id of a transaction begun, or the error. */
export type ThreadReply =
  | { id: number; ok: true; rows?: unknown[]; tx?: number }
  | { id: number; ok: false; error: ThreadError }

/** The thread's first message: PGlite is open, or why it could not be. */
export type ThreadReady = { ready: true } | { ready: false; error: ThreadError }

/** What runs SQL: the database, or one of its transactions. */
interface Sql {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>
}

interface Db extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

interface Port {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: ThreadRequest) => void): void
}

/**
 * Opens PGlite with `create(options)` and answers `port`'s requests until `close`. Transactions are PGlite's own
 * (`db.transaction`, one at a time: a query outside one waits for it, as on the caller's thread): `begin` opens
 * one and answers with its id once it holds the database, queries naming it run inside it, and `end` commits it (or
 * rolls it back) and answers once that is done.
 */
export const serve = async (create: (options: unknown) => Promise<Db>, options: unknown, port: Port) => {
  const failure = (error: unknown) => ({
    message: error instanceof Error ? error.message : String(error),
    code: typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : undefined,
  })
  let db: Db
  try {
    db = await create(options)
  } catch (error) {
    port.postMessage({ ready: false, error: failure(error) })
    return
  }
  const rollback = Symbol('rollback')
  const open = new Map<number, { tx: Sql; end: (commit: boolean) => void }>()
  const finishing = new Map<number, Promise<void>>()
  let next = 0
  const reply = (id: number, work: Promise<{ rows?: unknown[]; tx?: number }>) => {
    work.then(
      (value) => port.postMessage({ id, ok: true, ...value }),
      (error) => port.postMessage({ id, ok: false, error: failure(error) }),
    )
  }
  port.on('message', (request) => {
    switch (request.op) {
      case 'query': {
        const target = request.tx === undefined ? db : open.get(request.tx)?.tx
        if (target === undefined) {
          port.postMessage({ id: request.id, ok: false, error: { message: 'no such transaction', code: undefined } })
          return
        }
        reply(
          request.id,
          target.query(request.sql, request.params).then((result) => ({ rows: result.rows })),
        )
        return
      }
      case 'begin': {
        const tx = ++next
        let began = false
        const finished = db.transaction(
          (handle) =>
            new Promise<void>((resolve, reject) => {
              began = true
              open.set(tx, { tx: handle, end: (commit) => (commit ? resolve() : reject(rollback)) })
              port.postMessage({ id: request.id, ok: true, tx })
            }),
        )
        finishing.set(tx, finished)
        // A transaction that could not begin (the database closed) answers `begin` with the error.
        finished.catch((error) => {
          if (!began) {
            finishing.delete(tx)
            port.postMessage({ id: request.id, ok: false, error: failure(error) })
          }
        })
        return
      }
      case 'end': {
        const entry = open.get(request.tx)
        const finished = finishing.get(request.tx)
        open.delete(request.tx)
        finishing.delete(request.tx)
        if (entry === undefined || finished === undefined) {
          port.postMessage({ id: request.id, ok: false, error: { message: 'no such transaction', code: undefined } })
          return
        }
        entry.end(request.commit)
        // Answered once the commit (or the rollback) is done.
        reply(
          request.id,
          finished.then(
            () => ({}),
            (error) => {
              if (error === rollback) return {}
              throw error
            },
          ),
        )
        return
      }
      case 'close':
        reply(
          request.id,
          db.close().then(() => ({})),
        )
        return
    }
  })
  port.postMessage({ ready: true })
}
