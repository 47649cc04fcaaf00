import * as t from 'io-ts'

/**
 * One Twilio Message resource (`GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`) as `normalize` reads it:
 * an object with a non-empty string `sid` and a string `status` — exactly what `normalize` requires (a property test,
 * `test/payload.test.ts`, keeps `TwilioMessageCodec.is(x)` equal to "`normalize(x)` is a record"). The other fields
 * are listed with what Twilio documents and accepted whatever they hold (an unusable value becomes null and stays in
 * `raw`): `account_sid`, `api_version`, `body`, `direction`, `from`, `to`, `messaging_service_sid`, `uri` (strings),
 * `date_created`, `date_sent`, `date_updated` (RFC 2822), `error_code` (number), `error_message`, `num_media`,
 * `num_segments`, `price` (a negative decimal string) and `price_unit`.
 */
export const TwilioMessageCodec = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.type({
      sid: /* @__PURE__ */ t.refinement(t.string, (sid) => sid !== '', 'a message SID'),
      status: t.string,
    }),
    /* @__PURE__ */ t.partial({
      account_sid: t.unknown,
      api_version: t.unknown,
      body: t.unknown,
      date_created: t.unknown,
      date_sent: t.unknown,
      date_updated: t.unknown,
      direction: t.unknown,
      error_code: t.unknown,
      error_message: t.unknown,
      from: t.unknown,
      to: t.unknown,
      messaging_service_sid: t.unknown,
      num_media: t.unknown,
      num_segments: t.unknown,
      price: t.unknown,
      price_unit: t.unknown,
      uri: t.unknown,
    }),
  ],
  'TwilioMessage',
)

/**
 * A Twilio Message resource as `normalize` reads it.
 */
export type TwilioMessage = t.TypeOf<typeof TwilioMessageCodec>

/**
 * One page of the Messages list: the messages (most recent first) and the path of the next page, or null. The list
 * decodes every page with it.
 */
export const TwilioMessagePageCodec = t.type(
  { messages: t.array(t.unknown), next_page_uri: t.union([t.string, t.null]) },
  'TwilioMessagePage',
)

/**
 * One decoded page of the Messages list.
 */
export type TwilioMessagePage = t.TypeOf<typeof TwilioMessagePageCodec>
