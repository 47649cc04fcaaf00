import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import { buildRecord, type RecordInit } from '@rcs-records/core/kit'

/** A well-formed record with defaults: pass what the test is about. */
export const record = (init: Partial<RecordInit> & Pick<RecordInit, 'provider' | 'id'>): RcsRecord =>
  buildRecord({ status: 'sent', vendorStatus: 'SENT', raw: { id: init.id }, ...init } as RecordInit)

/** The sequential `mergeRecords` fold of observations, as core defines it. */
export const fold = (observations: readonly RcsRecord[]): RcsRecord | undefined =>
  observations.reduce<RcsRecord | undefined>((state, observation) => mergeRecords(state, observation), undefined)

/** Collects an async iterable. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
