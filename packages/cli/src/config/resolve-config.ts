import { BUILT_IN_PROVIDERS, type HttpOptions } from '@rcs-records/core'
import { CliError } from '../cli-error.js'
import type { FileConfigs } from './config-file.js'
import { envConfigFor, PROVIDER_VARIABLE, providersInEnv } from './env-config.js'
import { type HttpFlags, mergeHttpOptions, parseHttpSection } from './http-options.js'

/**
 * One provider's config as handed to `loadClient`.
 */
export interface ProviderConfig {
  provider: string
  config: Record<string, unknown>
  /** HTTP settings (file, then flags); the `http` field of the provider's config is taken out into this. */
  http?: HttpOptions
}

/**
 * Where config comes from, highest precedence first: flags, then the config file, then the environment; the
 * adapter's codec supplies the defaults.
 */
export interface ConfigSources {
  flags: { provider?: string; baseUrl?: string; http?: HttpFlags }
  file?: FileConfigs
  /** Shown in messages. */
  filePath?: string
  env: Readonly<Record<string, string | undefined>>
}

const splitProviders = (text: string): string[] =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')

const noProvider = (): CliError =>
  CliError.config(
    `no provider: pass --provider (${Object.keys(BUILT_IN_PROVIDERS).join(', ')}), set "provider" in a --config file, or set ${PROVIDER_VARIABLE}`,
  )

const selectProviders = (sources: ConfigSources, many: boolean): string[] => {
  const { flags, file, env } = sources
  const fileProviders = Object.keys(file?.providers ?? {})
  if (flags.provider !== undefined) {
    const named = splitProviders(flags.provider)
    if (named.length === 1 && named[0] === 'all') {
      const all = fileProviders.length > 0 ? fileProviders : providersInEnv(env)
      if (all.length === 0) {
        throw CliError.config('--provider all: no providers configured (use a --config file or RCS_* variables)')
      }
      return all
    }
    if (named.length === 0) throw CliError.usage('--provider expects a provider name')
    return named
  }
  if (file?.defaultProvider !== undefined) return [file.defaultProvider]
  if (fileProviders.length === 1 || (many && fileProviders.length > 1)) return fileProviders
  if (fileProviders.length > 1) {
    throw CliError.config(
      `${sources.filePath ?? 'the config file'} holds several providers (${fileProviders.join(', ')}); choose one with --provider`,
    )
  }
  const fromEnv = env[PROVIDER_VARIABLE]?.trim()
  if (fromEnv !== undefined && fromEnv !== '') return splitProviders(fromEnv)
  const configured = providersInEnv(env)
  if (configured.length === 1) return configured
  throw noProvider()
}

/**
 * Decides which provider(s) a command talks to and merges each one's config: flags (`--base-url`) over the config
 * file over environment variables; and its HTTP settings: flags over the provider's `http` over the file's
 * top-level `http`. `many` allows several providers (list, report); otherwise exactly one.
 */
export const resolveConfigs = (sources: ConfigSources, options: { many: boolean }): ProviderConfig[] => {
  const providers = [...new Set(selectProviders(sources, options.many))]
  if (!options.many && providers.length > 1) {
    throw CliError.usage(`this command works with one provider at a time; got ${providers.join(', ')}`)
  }
  if (sources.flags.baseUrl !== undefined && providers.length > 1) {
    throw CliError.usage('--base-url applies to one provider; choose one with --provider')
  }
  const where = sources.filePath ?? 'the config file'
  const shared = parseHttpSection(sources.file?.http, `${where}: http`)
  return providers.map((provider) => {
    const { http: ownHttp, ...fromFile } = sources.file?.providers[provider] ?? {}
    const own = parseHttpSection(
      ownHttp,
      `${where}: ${sources.file?.defaultProvider === provider ? '' : `${provider}.`}http`,
    )
    const http = mergeHttpOptions(shared, own, sources.flags.http ?? {})
    return {
      provider,
      config: {
        ...envConfigFor(provider, sources.env),
        ...fromFile,
        ...(sources.flags.baseUrl === undefined ? {} : { baseUrl: sources.flags.baseUrl }),
      },
      ...(Object.keys(http).length === 0 ? {} : { http }),
    }
  })
}
