/**
 * Environment variables the CLI reads, per built-in provider: variable → config field. Secrets belong here rather
 * than in files or flags (flags show up in `ps` and shell history).
 */
export const ENV_VARIABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'partner-gateway': {
    RCS_PG_API_KEY: 'apiKey',
    RCS_PG_USERNAME: 'username',
    RCS_PG_PASSWORD: 'password',
    RCS_PG_BASE_URL: 'baseUrl',
  },
  bsg: {
    RCS_BSG_API_KEY: 'apiKey',
    RCS_BSG_BASE_URL: 'baseUrl',
  },
  spacivox: {
    RCS_SPACIVOX_TOKEN: 'token',
    RCS_SPACIVOX_BASE_URL: 'baseUrl',
  },
}

/**
 * The variable naming the default provider when neither `--provider` nor the config file does.
 */
export const PROVIDER_VARIABLE = 'RCS_PROVIDER'

/**
 * The config fields a provider gets from the environment (empty variables are ignored).
 */
export const envConfigFor = (
  provider: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> => {
  const config: Record<string, string> = {}
  for (const [variable, field] of Object.entries(ENV_VARIABLES[provider] ?? {})) {
    const value = env[variable]
    if (value !== undefined && value !== '') config[field] = value
  }
  return config
}

/**
 * The built-in providers that have at least one variable set.
 */
export const providersInEnv = (env: Readonly<Record<string, string | undefined>>): string[] =>
  Object.keys(ENV_VARIABLES).filter((provider) => Object.keys(envConfigFor(provider, env)).length > 0)
