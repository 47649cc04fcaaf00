import type { DeliveryStatus, RcsRecord } from '@rcs-records/core'
import { buildRecord } from '@rcs-records/core/kit'

/** A canonical record for tests; fields not given are null. */
export const record = (
  id: string,
  status: DeliveryStatus,
  more: Partial<Omit<RcsRecord, 'id' | 'status' | 'final'>> = {},
): RcsRecord =>
  buildRecord({
    provider: more.provider ?? 'bsg',
    vendorStatus: more.vendorStatus ?? status,
    raw: more.raw ?? { id, status },
    ...more,
    id,
    status,
  })
