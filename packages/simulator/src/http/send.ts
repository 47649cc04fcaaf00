import type { ServerResponse } from 'node:http'
import type { Reply } from './types.js'

const BUFFER_LIMIT = 256 * 1024

const waitForDrain = (res: ServerResponse): Promise<boolean> =>
  new Promise((resolve) => {
    const done = (drained: boolean) => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(drained)
    }
    const onDrain = () => done(true)
    const onClose = () => done(false)
    res.on('drain', onDrain)
    res.on('close', onClose)
  })

/**
 * Writes a reply. A small body goes out with `Content-Length`; a long chunked one is streamed with back-pressure
 * (and abandoned if the client goes away).
 */
export const sendReply = async (res: ServerResponse, reply: Reply): Promise<void> => {
  res.statusCode = reply.status
  res.setHeader('content-type', `${reply.contentType ?? 'application/json'}; charset=utf-8`)
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value)
  if (typeof reply.body === 'string') {
    res.setHeader('content-length', Buffer.byteLength(reply.body))
    res.end(reply.body)
    return
  }
  let buffered: string[] = []
  let size = 0
  let streaming = false
  for (const chunk of reply.body) {
    buffered.push(chunk)
    size += chunk.length
    if (size < BUFFER_LIMIT) continue
    streaming = true
    const ok = res.write(buffered.join(''))
    buffered = []
    size = 0
    if (!ok && !(await waitForDrain(res))) return
    if (res.destroyed) return
  }
  const rest = buffered.join('')
  if (!streaming) res.setHeader('content-length', Buffer.byteLength(rest))
  res.end(rest)
}
