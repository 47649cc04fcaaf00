import { type Logger, loadClient, type RcsClient, registerSecret } from '@rcs-records/core'
import type { ProviderConfig } from './resolve-config.js'

const SECRET_FIELD = /key|token|password|secret|bearer|credential/i

/**
 * Registers every credential-looking string of a config (`apiKey`, `token`, `password`, …, at any depth) with
 * core, so no error message can show it.
 *
 * @example
 * import { registerConfigSecrets } from '@rcs-records/cli'
 * registerConfigSecrets({ apiKey: 'live_abc123' })
 */
export const registerConfigSecrets = (config: unknown): void => {
  if (config === null || typeof config !== 'object') return
  for (const [field, value] of Object.entries(config)) {
    if (typeof value === 'string' && SECRET_FIELD.test(field)) registerSecret(value)
    else if (typeof value === 'object') registerConfigSecrets(value)
  }
}

/**
 * Creates a client with core's `loadClient`, importing adapter packages from the CLI's own location (so pnpm's
 * strict layout resolves them). The adapter's codec validates the config; a problem is a `config` RcsError.
 *
 * @example
 * import { openClient } from '@rcs-records/cli'
 * const client = await openClient({ provider: 'bsg', config: { apiKey: 'live_…' } }, { logger: console })
 */
export const openClient = async (resolved: ProviderConfig, options: { logger: Logger }): Promise<RcsClient> => {
  registerConfigSecrets(resolved.config)
  return loadClient(
    { ...resolved.config, provider: resolved.provider },
    { importModule: (name) => import(name), logger: options.logger },
  )
}
