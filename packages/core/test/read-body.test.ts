import { describe, expect, it } from 'vitest'
import { readBodyText } from '../src/http/read-body.js'

/** A response whose body arrives in the given chunks (no Content-Length). */
const chunked = (chunks: readonly number[][]): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk))
        controller.close()
      },
    }),
  )

const bytesOf = (text: string): number[] => [...new TextEncoder().encode(text)]

describe('readBodyText', () => {
  it('decodes what a streaming decoder decodes, however the bytes are split', () => {
    const text = '{"name":"Київ ✓ 😀","n":1}'
    const bytes = bytesOf(text)
    return Promise.all(
      Array.from({ length: bytes.length + 1 }, async (_, cut) => {
        const body = await readBodyText(chunked([bytes.slice(0, cut), bytes.slice(cut)]), 1_000)
        expect(body).toEqual({ text, bytes: bytes.length })
      }),
    )
  })

  it('drops a BOM and writes bad bytes as U+FFFD, like TextDecoder', async () => {
    const bad = [0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62, 0xe2, 0x82]
    const expected = new TextDecoder().decode(Uint8Array.from(bad))
    expect(await readBodyText(chunked([bad.slice(0, 5), bad.slice(5)]), 1_000)).toEqual({ text: expected, bytes: 8 })
    expect(expected).toBe('a\uFFFDb\uFFFD')
  })

  it('reads an empty body and refuses one that grows past maxBytes while streaming', async () => {
    expect(await readBodyText(chunked([]), 10)).toEqual({ text: '', bytes: 0 })
    expect(await readBodyText(chunked([bytesOf('12345'), bytesOf('67890'), bytesOf('x')]), 10)).toEqual({
      tooLarge: true,
      bytes: 11,
    })
  })
})
