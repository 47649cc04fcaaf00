import { describe, expect, it } from 'vitest'
import { appBundle } from '../src/footprint.js'

/** Names of codecs that only document an adapter's payloads (io-ts keeps a codec's name as a string in the code). */
const PAYLOAD_CODEC_NAMES = {
  '@rcs-records/partner-gateway': ['"DeliveryStatusResponse"', '"HistoryPage"', '"PartnerStatus"'],
  '@rcs-records/bsg': ['"BsgMessage"', '"BsgCallback"', '"BsgStatus"'],
  '@rcs-records/spacivox': ['"SpacivoxRcsRecord"', '"SpacivoxState"'],
} as const

// The bundles are built from the packages' dist (esbuild resolves the `import` condition): build first.
describe('what an application bundle (createClient + one adapter) ships', () => {
  it.each(Object.entries(PAYLOAD_CODEC_NAMES))(
    '%s: tree-shaking leaves out the payload-documenting codecs and the unused core model codecs',
    async (adapterPackage, payloadCodecNames) => {
      const { code, inputs } = await appBundle(adapterPackage)
      const text = new TextDecoder().decode(code)
      // `payload.js` is in the bundle where the adapter decodes with some of its codecs (BSG's envelope and token);
      // the codecs that only describe payloads are marked pure and must be dropped.
      expect(inputs.filter((file) => /\/model\/record\.js$/.test(file))).toEqual([])
      for (const name of [...payloadCodecNames, '"FailureReason"', '"ReasonCode"', '"RcsRecord"']) {
        expect(text, name).not.toContain(name)
      }
      // The config codec the client runs is there.
      expect(text).toMatch(/"(PartnerGateway|Bsg|Spacivox)Config"/)
    },
    60_000,
  )
})
