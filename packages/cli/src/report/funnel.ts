import { DELIVERY_STATUSES, type DeliveryStatus, type RcsRecord } from '@rcs-records/core'

/**
 * Delivery funnel of one group of records (all, one provider, or one campaign).
 *
 * Stages are cumulative: `sent` counts every record that left the vendor (sent, delivered, read, undeliverable,
 * expired), `delivered` counts delivered and read (a read implies a delivery), `read` counts read. Rates are
 * fractions of `total` (null when the group is empty), except `readOfDelivered` (of `delivered`).
 */
export interface Funnel {
  /** What the group is, for people: `all`, a provider, or `provider / campaign`. */
  label: string
  provider: string | null
  campaign: string | null
  total: number
  /** Records per canonical status. */
  statuses: Record<DeliveryStatus, number>
  stages: { sent: number; delivered: number; read: number }
  /**
   * False when a provider of the group cannot report `read` through its listing (partner-gateway: read arrives
   * only by webhook), so `read` there is not a real 0 and people are shown "n/a (webhooks only)".
   */
  readReported: boolean
  /** pending + sent. */
  inFlight: number
  /** rejected + undeliverable + expired + canceled. */
  failures: number
  rates: {
    sent: number | null
    delivered: number | null
    read: number | null
    readOfDelivered: number | null
    inFlight: number | null
    failed: number | null
    unknown: number | null
  }
}

/**
 * The whole report: one funnel overall, one per provider, and one per campaign (the largest `top`, the rest
 * folded into one group).
 */
export interface FunnelReport {
  from: string
  to: string
  overall: Funnel
  providers: Funnel[]
  campaigns: Funnel[]
}

const emptyCounts = (): Record<DeliveryStatus, number> =>
  Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/**
 * Builds a funnel from status counts.
 */
export const funnelOf = (
  group: { label: string; provider: string | null; campaign: string | null },
  counts: Partial<Record<DeliveryStatus, number>>,
  readReported = true,
): Funnel => {
  const statuses = emptyCounts()
  for (const status of DELIVERY_STATUSES) statuses[status] = counts[status] ?? 0
  const total = DELIVERY_STATUSES.reduce((sum, status) => sum + statuses[status], 0)
  const read = statuses.read
  const delivered = statuses.delivered + read
  const sent = statuses.sent + delivered + statuses.undeliverable + statuses.expired
  const failures = statuses.rejected + statuses.undeliverable + statuses.expired + statuses.canceled
  const inFlight = statuses.pending + statuses.sent
  return {
    ...group,
    total,
    statuses,
    stages: { sent, delivered, read },
    readReported,
    inFlight,
    failures,
    rates: {
      sent: ratio(sent, total),
      delivered: ratio(delivered, total),
      read: ratio(read, total),
      readOfDelivered: ratio(read, delivered),
      inFlight: ratio(inFlight, total),
      failed: ratio(failures, total),
      unknown: ratio(statuses.unknown, total),
    },
  }
}

/**
 * Counts records as they stream by (memory grows with the number of campaigns, not records) and builds the report.
 */
export class FunnelAccumulator {
  private readonly overall = emptyCounts()
  private readonly byProvider = new Map<string, Record<DeliveryStatus, number>>()
  private readonly byCampaign = new Map<
    string,
    { provider: string; campaign: string | null; counts: Record<DeliveryStatus, number> }
  >()

  /** Counts one record. */
  add(record: RcsRecord): void {
    this.count(record.provider, record.campaign, record.status, 1)
  }

  /**
   * Counts records already counted elsewhere — a funnel aggregated in SQL (`@rcs-records/store`'s `funnel`): `counts`
   * per status of one provider and campaign.
   */
  addCounts(provider: string, campaign: string | null, counts: Partial<Record<DeliveryStatus, number>>): void {
    for (const status of DELIVERY_STATUSES) {
      const n = counts[status] ?? 0
      if (n > 0) this.count(provider, campaign, status, n)
    }
  }

  private count(providerName: string, campaignName: string | null, status: DeliveryStatus, n: number): void {
    this.overall[status] += n
    let provider = this.byProvider.get(providerName)
    if (provider === undefined) {
      provider = emptyCounts()
      this.byProvider.set(providerName, provider)
    }
    provider[status] += n
    const key = `${providerName}\u0000${campaignName ?? ''}`
    let campaign = this.byCampaign.get(key)
    if (campaign === undefined) {
      campaign = { provider: providerName, campaign: campaignName, counts: emptyCounts() }
      this.byCampaign.set(key, campaign)
    }
    campaign.counts[status] += n
  }

  /**
   * The report so far; campaigns beyond the `top` largest are folded into one `other campaigns` group.
   * `unreadable` names the providers whose listing cannot report `read` (see {@link Funnel.readReported}).
   */
  report(options: { from: string; to: string; top: number; unreadable?: ReadonlySet<string> }): FunnelReport {
    const unreadable = options.unreadable ?? new Set<string>()
    const reads = (provider: string | null) => provider === null || !unreadable.has(provider)
    const providers = [...this.byProvider.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([provider, counts]) => funnelOf({ label: provider, provider, campaign: null }, counts, reads(provider)))
    const campaigns = [...this.byCampaign.values()]
      .map((entry) =>
        funnelOf(
          {
            label: `${entry.provider} / ${entry.campaign ?? '(none)'}`,
            provider: entry.provider,
            campaign: entry.campaign,
          },
          entry.counts,
          reads(entry.provider),
        ),
      )
      .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label))
    const shown = campaigns.slice(0, options.top)
    const rest = campaigns.slice(options.top)
    if (rest.length > 0) {
      const counts = emptyCounts()
      for (const funnel of rest) for (const status of DELIVERY_STATUSES) counts[status] += funnel.statuses[status]
      shown.push(
        funnelOf(
          { label: `(${rest.length} other campaigns)`, provider: null, campaign: null },
          counts,
          rest.every((funnel) => funnel.readReported),
        ),
      )
    }
    const everyReads = [...this.byProvider.keys()].every(reads)
    return {
      from: options.from,
      to: options.to,
      overall: funnelOf({ label: 'all', provider: null, campaign: null }, this.overall, everyReads),
      providers,
      campaigns: shown,
    }
  }
}
