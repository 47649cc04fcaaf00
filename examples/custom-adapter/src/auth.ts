import { registerSecret } from '@rcs-records/core/kit'
import type { Config } from './config.js'

/**
 * The Basic-auth header for Twilio (`AccountSid:AuthToken`). Registers the token and every derived form with core
 * so that no error can ever show them.
 */
export const basicAuthHeader = (config: Pick<Config, 'accountSid' | 'authToken'>): string => {
  const credentials = btoa(`${config.accountSid}:${config.authToken}`)
  registerSecret(config.authToken)
  registerSecret(credentials)
  registerSecret(`Basic ${credentials}`)
  return `Basic ${credentials}`
}
