import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { RcsError } from '@rcs-records/core'

/** The lock file a store keeps in its PGlite directory while open (PostgreSQL's `postmaster.pid` rule). */
export const LOCK_FILE = 'rcs-records.lock'

/** Directories this process has open: a second PGlite on the same files would corrupt them just the same. */
const openHere = new Set<string>()

interface Owner {
  pid: number
  host: string
}

const readOwner = (path: string): Owner | null => {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('\n')
    const number = Number(pid)
    return Number.isInteger(number) && number > 0 ? { pid: number, host: host ?? '' } : null
  } catch {
    return null
  }
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM'
  }
}

const inUse = (dir: string, owner: Owner, lockPath: string) =>
  new RcsError({
    kind: 'config',
    message:
      `store: the PGlite directory ${dir} is in use by process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}. ` +
      'PGlite is one process per directory: two would corrupt it. Close the other store (or use a PostgreSQL server ' +
      `for several processes). If no such process runs any more, delete ${lockPath}.`,
  })

/**
 * Takes the directory for this process: a lock file holding our pid and host, created exclusively. A lock left by
 * a process that no longer runs (killed) is taken over; one held by a live process, or by this process already, is a
 * `config` RcsError. Returns the release function.
 */
export const lockDirectory = (dir: string): (() => void) => {
  const absolute = resolve(dir)
  const lockPath = join(absolute, LOCK_FILE)
  if (openHere.has(absolute)) {
    throw inUse(absolute, { pid: process.pid, host: hostname() }, lockPath)
  }
  const me = `${process.pid}\n${hostname()}\n`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockPath, me, { flag: 'wx' })
      openHere.add(absolute)
      return () => {
        openHere.delete(absolute)
        if (readOwner(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true })
      }
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error
    }
    const owner = readOwner(lockPath)
    if (owner === null) {
      // Unreadable: a process is writing it this instant, or a crash left it empty. Move it aside and retry.
      rmSync(lockPath, { force: true })
      continue
    }
    const sameHost = owner.host === hostname()
    // Our own pid in a lock we do not hold here: a previous run of a process that got the same pid (containers).
    const stale = sameHost && (owner.pid === process.pid || !isRunning(owner.pid))
    if (!stale) throw inUse(absolute, owner, lockPath)
    // Take the stale lock aside under a name of our own, so two processes taking over cannot both delete a new lock.
    const aside = `${lockPath}.stale-${process.pid}`
    try {
      renameSync(lockPath, aside)
    } catch {
      continue
    }
    const moved = readOwner(aside)
    if (moved !== null && moved.pid !== owner.pid) {
      // Someone took over between our read and our rename: give the lock back and report it in use.
      try {
        renameSync(aside, lockPath)
      } catch {}
      throw inUse(absolute, moved, lockPath)
    }
    rmSync(aside, { force: true })
  }
  throw new RcsError({ kind: 'config', message: `store: could not lock the PGlite directory ${absolute}` })
}
