import { looksLikeCredentialName, registerCredentialValue, registerSecret } from '../errors/secrets.js'

/**
 * Registers the credentials a request carries so that no error, hook event or log line can show them, even when an
 * adapter forgot to register them: values of credential headers (`Authorization`, `X-Api-Key`, cookies…), of query
 * parameters named like credentials, and of top-level JSON body fields named like credentials (a login's
 * `api_key`). Cheap: a name test per header/parameter, and secrets already known are skipped.
 */
export const registerRequestSecrets = (
  headers: Record<string, string> | undefined,
  params: URLSearchParams | undefined,
  json: unknown,
): void => {
  if (headers !== undefined) {
    for (const name in headers) {
      const value = headers[name]
      if (typeof value === 'string' && looksLikeCredentialName(name)) registerCredentialValue(value)
    }
  }
  if (params !== undefined) for (const [name, value] of params) if (looksLikeCredentialName(name)) registerSecret(value)
  registerCredentialFields(json)
}

/**
 * Registers top-level string fields named like credentials in a JSON object: a login request's `api_key` or
 * `password`, a login response's `token` or `bearer`.
 */
export const registerCredentialFields = (json: unknown): void => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return
  const record = json as Record<string, unknown>
  for (const name in record) {
    const value = record[name]
    if (typeof value === 'string' && looksLikeCredentialName(name)) registerSecret(value)
  }
}
