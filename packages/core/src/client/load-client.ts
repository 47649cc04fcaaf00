import type { AdapterDefinition } from '../adapter/contract.js'
import { RcsError } from '../errors/rcs-error.js'
import { createClient } from './create-client.js'
import type { ClientOptions, RcsClient } from './types.js'

/**
 * The built-in provider names and their packages.
 *
 * @example
 * import { BUILT_IN_PROVIDERS } from '@rcs-records/core'
 * BUILT_IN_PROVIDERS.bsg // '@rcs-records/bsg'
 */
export const BUILT_IN_PROVIDERS: Readonly<Record<string, string>> = {
  'partner-gateway': '@rcs-records/partner-gateway',
  bsg: '@rcs-records/bsg',
  spacivox: '@rcs-records/spacivox',
}

/**
 * The config type of each provider name `loadClient` knows at compile time, filled in by the adapter packages
 * through module augmentation: `@rcs-records/bsg` adds `bsg: ConfigInput`, and so on. An adapter's entry is visible
 * once its types are part of your program: any import from the package does it, and with `loadClient` alone add
 * `import type {} from '@rcs-records/bsg'`. A provider name with no entry here is loosely typed (any other keys), and
 * every config is validated at run time either way.
 *
 * @example
 * // In a custom adapter package, so that loadClient({ provider: '@acme/rcs-adapter', … }) is type-checked:
 * declare module '@rcs-records/core' {
 *   interface ProviderConfigs {
 *     '@acme/rcs-adapter': { token: string; region?: 'eu' | 'us' }
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the adapter packages through module augmentation.
export interface ProviderConfigs {}

/** `true` when `P` is one type, `false` when it is a union (`'bsg' | 'spacivox'`). */
type IsSingle<P, All = P> = P extends unknown ? ([All] extends [P] ? true : false) : never

/**
 * The argument of {@link loadClient} for provider `P`: `{ provider: P }` plus that provider's config when `P` is one
 * name with an entry in {@link ProviderConfigs}; otherwise (`string`, a name without an entry, or a union of names,
 * whose configs TypeScript cannot pair with the name) `{ provider: P }` with any other keys.
 *
 * @example
 * import type { LoadClientConfig } from '@rcs-records/core'
 * import type {} from '@rcs-records/bsg'
 * const config: LoadClientConfig<'bsg'> = { provider: 'bsg', apiKey: 'live_…', timeZone: 'Europe/Kyiv' }
 */
export type LoadClientConfig<P extends string> =
  IsSingle<P> extends true
    ? P extends keyof ProviderConfigs
      ? { provider: P } & ProviderConfigs[P]
      : { provider: P } & Record<string, unknown>
    : { provider: P } & Record<string, unknown>

/**
 * Options of {@link loadClient}: those of `createClient` except the adapter and config, plus how to import.
 *
 * @example
 * import type { LoadClientOptions } from '@rcs-records/core'
 * const options: LoadClientOptions = { importModule: (name) => import(name) }
 */
export interface LoadClientOptions extends Omit<ClientOptions<unknown>, 'adapter' | 'config'> {
  /**
   * Imports an adapter package. Default: a dynamic `import()` from core. Under strict package managers (pnpm) an
   * adapter installed by your app may not be resolvable from core's own folder: pass `(name) => import(name)` from
   * your code so resolution starts there.
   */
  importModule?: (name: string) => Promise<unknown>
}

/** An npm package name (scoped or not), at most 214 characters. */
const PACKAGE_NAME = /^(?=.{1,214}$)(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

/**
 * What a package that cannot be found means. With the default import, resolution starts in core's own folder, which
 * a strict layout (pnpm, `hoist=false`) keeps apart from the app's packages: an installed adapter is then "not found"
 * until the caller's `importModule` resolves it from their code.
 */
const notFoundMessage = (provider: string, moduleName: string, customImport: boolean): string => {
  const builtIns = `built-in providers: ${Object.keys(BUILT_IN_PROVIDERS).join(', ')}`
  const install = `install it (npm install ${moduleName})`
  if (customImport) return `${provider}: cannot find the adapter package ${moduleName}; ${install} (${builtIns})`
  return (
    `${provider}: cannot find the adapter package ${moduleName} from @rcs-records/core's folder; ${install}, ` +
    "or, if it is installed but a strict layout such as pnpm keeps it out of core's reach, pass " +
    `{ importModule: (name) => import(name) } as loadClient's second argument so it resolves from your code (${builtIns})`
  )
}

const isDefinition = (value: unknown): value is AdapterDefinition<unknown> =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as AdapterDefinition<unknown>).name === 'string' &&
  typeof (value as AdapterDefinition<unknown>).create === 'function' &&
  typeof (value as AdapterDefinition<unknown>).configCodec?.decode === 'function'

/**
 * Creates a client from config alone: `provider` is a built-in name (`'partner-gateway' | 'bsg' | 'spacivox'`) or
 * the name of any package whose `adapter` (or default) export is an AdapterDefinition. The rest of the object is the
 * adapter's config, validated like `createClient` does. For a provider listed in {@link ProviderConfigs} (the
 * built-ins, once their types are loaded) the config is type-checked too.
 *
 * @example
 * import { loadClient } from '@rcs-records/core'
 * import type {} from '@rcs-records/bsg' // makes { provider: 'bsg' } type-checked
 * const client = await loadClient({ provider: 'bsg', apiKey: process.env.BSG_API_KEY, timeZone: 'Europe/Kyiv' })
 */
export const loadClient = async <P extends string>(
  config: LoadClientConfig<P>,
  options: LoadClientOptions = {},
): Promise<RcsClient> => {
  const provider = config?.provider
  if (typeof provider !== 'string' || provider === '') {
    throw new RcsError({
      kind: 'config',
      message: `invalid config: provider: expected one of ${Object.keys(BUILT_IN_PROVIDERS).join(', ')} or an adapter package name`,
    })
  }
  const builtIn = Object.hasOwn(BUILT_IN_PROVIDERS, provider)
  if (!builtIn && !PACKAGE_NAME.test(provider)) {
    // Never echo a value that is not a package name: it may be a credential pasted into the wrong field.
    throw new RcsError({
      kind: 'config',
      message: `invalid config: provider: expected one of ${Object.keys(BUILT_IN_PROVIDERS).join(', ')} or an adapter package name (the value given is neither, and is not shown)`,
    })
  }
  const moduleName = builtIn ? (BUILT_IN_PROVIDERS[provider] as string) : provider
  const importModule = options.importModule ?? ((name: string) => import(name))
  let loaded: unknown
  try {
    loaded = await importModule(moduleName)
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    const notInstalled =
      (cause as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND' && message.includes(moduleName)
    throw new RcsError({
      kind: 'config',
      provider,
      message: notInstalled
        ? notFoundMessage(provider, moduleName, options.importModule !== undefined)
        : `${provider}: cannot load the adapter package ${moduleName}: ${message}`,
      cause,
    })
  }
  const exports = loaded as { adapter?: unknown; default?: unknown } | null
  const definition = isDefinition(exports?.adapter) ? exports.adapter : exports?.default
  if (!isDefinition(definition)) {
    throw new RcsError({
      kind: 'config',
      provider,
      message: `${provider}: ${moduleName} does not export an adapter definition (named export \`adapter\` or default)`,
    })
  }
  const { provider: _provider, ...adapterConfig } = config
  const { importModule: _importModule, ...clientOptions } = options
  return createClient({ ...clientOptions, adapter: definition, config: adapterConfig })
}
