import { inspect } from 'node:util'

const views = (error: unknown): Array<[string, string]> => {
  const out: Array<[string, string]> = []
  const attempt = (label: string, render: () => string) => {
    try {
      out.push([label, render()])
    } catch {
      // A view that cannot be rendered cannot leak either.
    }
  }
  if (error instanceof Error) {
    attempt('message', () => error.message)
    attempt('stack', () => error.stack ?? '')
  }
  attempt('JSON', () => JSON.stringify(error) ?? '')
  attempt('details', () => JSON.stringify((error as { details?: unknown } | null)?.details) ?? '')
  attempt('util.inspect', () => inspect(error, { depth: 8, showHidden: false }))
  attempt('String()', () => String(error))
  return out
}

/**
 * Where in an error (message, stack, JSON, details, `util.inspect`, `String()`) any of the secrets appears. The
 * result names the secret by its position, never by its value.
 */
export const secretLeaks = (error: unknown, secrets: readonly string[]): string[] => {
  const leaks: string[] = []
  const rendered = views(error)
  secrets.forEach((secret, index) => {
    if (secret === '') return
    for (const [label, text] of rendered) if (text.includes(secret)) leaks.push(`secret #${index + 1} in ${label}`)
  })
  return leaks
}
