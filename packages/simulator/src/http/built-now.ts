import type { Reply } from './types.js'

/**
 * The reply with its body made now: a body of chunks still to be made (the spacivox route streams its array from a
 * generator) is drawn into an array of chunks, so a reply held `latency` before it is sent was built when the request
 * arrived — as the other routes' string bodies are — and the delay is the network's alone. Made lazily after the
 * delay instead, the server sat idle through every delay and built each answer only once it was due, so a client
 * waiting on one answer before it could ask for more lost a round trip of the server's time on top of its own. A
 * string body is returned as is. The count of records the body holds is read after the body is made.
 *
 * @example
 * declare const builtNow: (reply: { status: number; body: string | Iterable<string> }) => { body: string | string[] }
 * const reply = builtNow({ status: 200, body: ['[', '1', ']'] }) // body drawn now: ['[', '1', ']']
 */
export const builtNow = (reply: Reply): Reply => {
  if (typeof reply.body === 'string') return reply
  const body = Array.from(reply.body)
  // Spread after the body is made: a route's `records` may be a getter counting what its generator served.
  return { ...reply, body }
}
