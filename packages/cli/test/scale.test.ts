import { describe, expect, it } from 'vitest'
import { createPalette } from '../src/output/colors.js'
import { createRecordWriter } from '../src/output/record-writer.js'
import type { LineSink } from '../src/output/sink.js'
import { untilAborted } from '../src/runtime/until-aborted.js'
import { alive, collectGarbage } from './support/gc.js'
import { record } from './support/records.js'

// Memory at scale: what a long listing keeps alive. The bench's `cli` part measures the real process at 1,000,000
// records; these tests pin the causes.

async function* objects(count: number): AsyncGenerator<{ id: number; payload: number[] }> {
  for (let id = 0; id < count; id++) {
    await Promise.resolve()
    yield { id, payload: new Array(64).fill(id) }
  }
}

describe('untilAborted keeps nothing it has passed on', () => {
  it('records already handed out can be collected while the listing goes on (the signal is still live)', async () => {
    const controller = new AbortController()
    const refs: WeakRef<object>[] = []
    let aliveMidway = -1
    for await (const item of untilAborted(objects(400), controller.signal)) {
      if (item.id < 200) refs.push(new WeakRef(item))
      if (item.id === 300) {
        await collectGarbage()
        aliveMidway = alive(refs)
      }
    }
    expect(aliveMidway).toBeGreaterThanOrEqual(0)
    expect(aliveMidway).toBeLessThan(5)
    expect(controller.signal.aborted).toBe(false)
  })
})

describe('the table format streams', () => {
  const sinkOf = () => {
    const lines: string[] = []
    const sink: LineSink = {
      broken: false,
      writeLines: (more) => {
        lines.push(...more)
      },
      ready: () => null,
      flush: () => {},
      close: async () => {},
    }
    return { sink, lines }
  }
  const options = { raw: false, width: 100, palette: createPalette(false) }

  it('draws the first screenful as soon as it has it, then one row per record, and never holds the listing', () => {
    const { sink, lines } = sinkOf()
    const writer = createRecordWriter('table', sink, { ...options, tableSampleRows: 10 })
    for (let i = 0; i < 9; i++) writer.write(record(String(i), 'sent'))
    expect(lines).toEqual([])
    writer.write(record('9', 'delivered'))
    expect(lines).toHaveLength(3 + 10)
    writer.write(record('10-with-a-much-longer-id-than-the-first-screenful-had', 'read'))
    expect(lines).toHaveLength(3 + 11)
    expect(lines.at(-1)).toContain('…')
    writer.end()
    expect(lines.at(-1)).toMatch(/^└/)
    const widths = new Set(lines.map((line) => [...line].length))
    expect(widths.size).toBe(1)
  })

  it('a listing of 200,000 rows does not overflow the stack (Math.max over every cell did, after downloading it all)', () => {
    const { sink, lines } = sinkOf()
    const writer = createRecordWriter('table', sink, { ...options, tableFooter: (n) => `${n} records` })
    const one = record('26130', 'delivered', { recipient: '+380661234567' })
    for (let i = 0; i < 200_000; i++) writer.write(one)
    writer.end()
    expect(lines.at(-1)).toBe('200000 records')
    expect(lines).toHaveLength(200_000 + 5)
  })

  it('stops at its limit: full, and nothing more is drawn', () => {
    const { sink, lines } = sinkOf()
    const writer = createRecordWriter('table', sink, { ...options, tableSampleRows: 5, tableLimit: 20 })
    for (let i = 0; i < 25; i++) writer.write(record(String(i), 'sent'))
    expect(writer.full).toBe(true)
    expect(writer.count).toBe(20)
    writer.end()
    expect(lines.filter((line) => line.startsWith('│ ')).length).toBe(21)
  })

  it('leaves out the columns empty in the first screenful', () => {
    const { sink, lines } = sinkOf()
    const writer = createRecordWriter('table', sink, { ...options, width: 200 })
    writer.write(record('1', 'sent', { campaign: 'spring' }))
    writer.end()
    expect(lines[1]).toContain('campaign')
    expect(lines[1]).not.toContain('reference')
    expect(lines[1]).not.toContain('cost')
  })
})
