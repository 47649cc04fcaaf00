import { RcsError } from '../errors/rcs-error.js'

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1'])

const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname.endsWith('.localhost')

/**
 * Checks that a base URL is safe to send credentials to: no `user:password@` in it (fetch refuses such a URL and
 * would print it), and `https://`, or plain `http://` only to a loopback host (127.0.0.0/8, localhost, ::1) unless
 * `allowInsecureHttp` is set. Returns a `config` RcsError that never echoes the URL's credentials, or null when fine.
 */
export const checkBaseUrl = (baseUrl: string, provider: string, allowInsecureHttp = false): RcsError | null => {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return new RcsError({ kind: 'config', provider, message: `${provider}: baseUrl is not a valid absolute URL` })
  }
  if (url.username !== '' || url.password !== '') {
    // Never echoed: the part before the @ is a password more often than not.
    return new RcsError({
      kind: 'config',
      provider,
      message: `${provider}: baseUrl must not carry credentials (user:password@ before the host); give them in the config's credential fields`,
    })
  }
  if (url.protocol === 'https:') return null
  if (url.protocol !== 'http:') {
    return new RcsError({
      kind: 'config',
      provider,
      message: `${provider}: baseUrl must use https:// (got ${url.protocol})`,
    })
  }
  if (allowInsecureHttp || isLoopbackHost(url.hostname)) return null
  return new RcsError({
    kind: 'config',
    provider,
    message: `${provider}: refusing to send credentials over plain http:// to ${url.hostname}; use https://, or set http.allowInsecureHttp: true if you really mean it`,
  })
}
