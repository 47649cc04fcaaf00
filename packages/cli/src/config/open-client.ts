import {
  BUILT_IN_PROVIDERS,
  type HttpHooks,
  type Logger,
  loadClient,
  type RcsClient,
  RcsError,
} from '@rcs-records/core'
import { registerSecret } from '@rcs-records/core/kit'
import { didYouMean } from '../args/suggest.js'
import { CliError } from '../cli-error.js'
import type { ProviderConfig } from './resolve-config.js'

const SECRET_FIELD = /key|token|password|secret|bearer|credential/i

/**
 * Registers every credential-looking string of a config (`apiKey`, `token`, `password`, …, at any depth) with
 * core, so no error message can show it.
 */
export const registerConfigSecrets = (config: unknown): void => {
  if (config === null || typeof config !== 'object') return
  for (const [field, value] of Object.entries(config)) {
    if (typeof value === 'string' && SECRET_FIELD.test(field)) registerSecret(value)
    else if (typeof value === 'object') registerConfigSecrets(value)
  }
}

const BUILT_IN_NAMES = Object.keys(BUILT_IN_PROVIDERS)

/**
 * A provider name that is not built in and is close to one (`bgs`) is a typo: a usage error that names the built-in
 * providers, never advice to install a package of that name (which could be anybody's).
 */
const checkProviderName = (provider: string): void => {
  if (Object.hasOwn(BUILT_IN_PROVIDERS, provider)) return
  const suggestion = didYouMean(provider, BUILT_IN_NAMES)
  if (suggestion !== '') {
    throw CliError.usage(
      `unknown provider "${provider}"${suggestion} The built-in providers are ${BUILT_IN_NAMES.join(', ')}; any other name must be an installed adapter package`,
    )
  }
}

/**
 * Creates a client with core's `loadClient`, importing adapter packages from the CLI's own location (so pnpm's
 * strict layout resolves them). The adapter's codec validates the config; a problem is a `config` RcsError. A name
 * close to a built-in provider is reported as a typo (usage, exit 2); an adapter package that is not installed is a
 * config error that lists the built-in providers.
 */
export const openClient = async (
  resolved: ProviderConfig,
  options: { logger: Logger; hooks?: HttpHooks },
): Promise<RcsClient> => {
  registerConfigSecrets(resolved.config)
  checkProviderName(resolved.provider)
  const http = { ...resolved.http, ...(options.hooks === undefined ? {} : { hooks: options.hooks }) }
  let missing = false
  const importModule = async (name: string): Promise<unknown> => {
    try {
      return await import(name)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      missing = code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && error.message.includes(name)
      throw error
    }
  }
  try {
    return await loadClient(
      { ...resolved.config, provider: resolved.provider },
      { importModule, logger: options.logger, http },
    )
  } catch (error) {
    if (!missing || !(error instanceof RcsError)) throw error
    throw CliError.config(
      `${resolved.provider}: cannot find the adapter package ${resolved.provider}: it is not one of the built-in providers (${BUILT_IN_NAMES.join(', ')}) and is not installed where rcs-records can load it`,
    )
  }
}

/**
 * Whether a provider's listing can report `read` at all: the adapter package's own `listingReportsRead` flag when it
 * exports one (partner-gateway's history has no RCS read status — reads come only by webhook — so a funnel shows
 * "n/a (webhooks only)" for it rather than a real-looking 0), else whether its `statusTable` (native value →
 * canonical status) maps anything to `read`. True when the package says neither.
 */
export const listingReportsRead = async (provider: string): Promise<boolean> => {
  const name = Object.hasOwn(BUILT_IN_PROVIDERS, provider) ? (BUILT_IN_PROVIDERS[provider] as string) : provider
  try {
    const adapter = (await import(name)) as { listingReportsRead?: unknown; statusTable?: unknown }
    if (typeof adapter.listingReportsRead === 'boolean') return adapter.listingReportsRead
    const table = adapter.statusTable
    if (table === null || typeof table !== 'object') return true
    return Object.values(table).includes('read')
  } catch {
    return true
  }
}
