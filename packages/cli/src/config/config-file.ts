import { readFile } from 'node:fs/promises'
import { CliError } from '../cli-error.js'

/**
 * A config file's content, in either accepted shape, as provider → config.
 */
export interface FileConfigs {
  /** Config per provider name. */
  providers: Record<string, Record<string, unknown>>
  /** The provider the file names with a top-level `provider` field, if it does. */
  defaultProvider?: string
  /** A top-level `http` object of a file keyed by provider: HTTP settings for every provider of the file. */
  http?: unknown
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Where in the text a JSON syntax error is, from V8's message, without repeating any of the text. */
const syntaxErrorPosition = (text: string, error: unknown): string => {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
  if (position === undefined) return ''
  const before = text.slice(0, Number(position))
  const line = before.split('\n').length
  const column = Number(position) - before.lastIndexOf('\n')
  return ` at line ${line}, column ${column}`
}

/**
 * Reads the two shapes a config file may have. Pure: takes the file's text. A single provider:
 * `{ "provider": "bsg", "apiKey": "…" }`; or several, keyed by provider (what `rcs-records simulate` prints):
 * `{ "bsg": { … }, "spacivox": { … } }`, where a top-level `http` key holds HTTP settings for all of them. Each
 * provider's object may hold its own `http` settings. Errors never quote the file's content, which may hold
 * secrets.
 */
export const parseConfigText = (text: string, path: string): FileConfigs => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw CliError.config(`config file ${path} is not valid JSON${syntaxErrorPosition(text, error)}`)
  }
  if (!isPlainObject(parsed)) throw CliError.config(`config file ${path} must hold a JSON object`)
  if (Object.hasOwn(parsed, 'provider')) {
    const { provider, ...config } = parsed
    if (typeof provider !== 'string' || provider.trim() === '') {
      throw CliError.config(`config file ${path}: "provider" must be a provider name such as "bsg"`)
    }
    return { providers: { [provider]: config }, defaultProvider: provider }
  }
  const providers: Record<string, Record<string, unknown>> = {}
  const { http, ...byProvider } = parsed
  for (const [name, config] of Object.entries(byProvider)) {
    if (!isPlainObject(config)) {
      throw CliError.config(
        `config file ${path} must have a "provider" field, or hold one object per provider (the value of "${name}" is not an object)`,
      )
    }
    providers[name] = config
  }
  return http === undefined ? { providers } : { providers, http }
}

/**
 * Reads and parses a config file (see {@link parseConfigText}); an unreadable file is a config error (exit 3).
 */
export const readConfigFile = async (path: string): Promise<FileConfigs> => {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : 'cannot be read'
    throw CliError.config(`config file ${path} ${why}`)
  }
  return parseConfigText(text, path)
}
