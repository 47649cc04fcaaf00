import { execFileSync } from 'node:child_process'
import { BIN, baseEnv, ROOT } from './binary.js'

/**
 * The binary on a real pseudo-terminal: a detached tmux session on a socket of this test process (its own tmux
 * server), `width`×`height` cells. The pane stays open after the command ends so its screen can still be read.
 */
export interface Terminal {
  /** The screen and its scrollback as text (`escapes`: with the colour codes tmux keeps). */
  capture(options?: { escapes?: boolean }): string
  /** The pane's title (a program can set it with OSC 0/2). */
  title(): string
  /** The command's exit code once it has ended, else null. */
  exitCode(): number | null
  /** Waits until `test` holds for the screen (polling; bounded by `timeoutMs`). */
  waitFor(test: (screen: string) => boolean, timeoutMs?: number): Promise<string>
  /** Waits for the command to end and returns its exit code. */
  waitForExit(timeoutMs?: number): Promise<number>
  close(): void
}

const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

let sessions = 0

/** Runs `rcs-records args…` in a new terminal. */
export const openTerminal = (
  args: readonly string[],
  options: { env?: Record<string, string>; width?: number; height?: number } = {},
): Terminal => {
  const socket = `rcs-cli-test-${process.pid}`
  const name = `t${++sessions}`
  const tmux = (...more: string[]) =>
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...more], { encoding: 'utf8', cwd: ROOT })
  const env = { ...baseEnv(), TERM: 'xterm-256color', ...options.env }
  delete (env as Record<string, string | undefined>).COLUMNS
  const exports = Object.entries(env)
    .map(([key, value]) => `${key}=${quote(value)}`)
    .join(' ')
  const command = `env -i ${exports} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(options.width ?? 100),
    '-y',
    String(options.height ?? 30),
    `${command}; echo "[exit $?]"; sleep 600`,
  )
  tmux('set-option', '-t', name, 'history-limit', '20000')
  const capture = (opts: { escapes?: boolean } = {}) =>
    tmux('capture-pane', '-p', '-J', '-t', name, '-S', '-', ...(opts.escapes === true ? ['-e'] : []))
  const exitCode = () => {
    const match = /\[exit (\d+)\]/.exec(capture())
    return match === null ? null : Number(match[1])
  }
  const waitFor = async (test: (screen: string) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const screen = capture()
      if (test(screen)) return screen
      if (Date.now() > deadline) throw new Error(`the terminal never showed what was expected:\n${screen}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    capture,
    title: () => tmux('display-message', '-p', '-t', name, '#{pane_title}').trim(),
    exitCode,
    waitFor,
    waitForExit: async (timeoutMs = 60_000) => {
      await waitFor(() => exitCode() !== null, timeoutMs)
      return exitCode() as number
    },
    close: () => {
      try {
        tmux('kill-session', '-t', name)
      } catch {
        // already gone
      }
    },
  }
}

/** Stops this test process's tmux server (its socket is its own). */
export const closeTerminals = (): void => {
  try {
    execFileSync('tmux', ['-L', `rcs-cli-test-${process.pid}`, 'kill-server'], { stdio: 'ignore' })
  } catch {
    // no server left
  }
}
