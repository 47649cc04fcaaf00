/**
 * Payloads in the shape of Twilio's documented examples (the Message resource's "fetch" example, verbatim apart
 * from the SIDs' placeholder letters, and the status-callback parameters of the "track message status" guide).
 */

/** The Message resource docs' fetch example: status `sent`, yet with error 30007 and a price. */
export const DOCUMENTED_MESSAGE = {
  account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  api_version: '2010-04-01',
  body: 'testing',
  date_created: 'Fri, 24 May 2019 17:18:27 +0000',
  date_sent: 'Fri, 24 May 2019 17:18:28 +0000',
  date_updated: 'Fri, 24 May 2019 17:18:28 +0000',
  direction: 'outbound-api',
  error_code: 30007,
  error_message: 'Carrier violation',
  from: '+12019235161',
  messaging_service_sid: 'MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  num_media: '0',
  num_segments: '1',
  price: '-0.00750',
  price_unit: 'USD',
  sid: 'SMb7c0a2ce80504485a6f653a7110836f5',
  status: 'sent',
  subresource_uris: {
    media:
      '/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMb7c0a2ce80504485a6f653a7110836f5/Media.json',
    feedback:
      '/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMb7c0a2ce80504485a6f653a7110836f5/Feedback.json',
  },
  to: '+18182008801',
  uri: '/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMb7c0a2ce80504485a6f653a7110836f5.json',
}

/** The create example: queued, nothing sent or billed yet. */
export const QUEUED_MESSAGE = {
  account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  api_version: '2010-04-01',
  body: 'Hi there',
  date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
  date_sent: null,
  date_updated: 'Thu, 24 Aug 2023 05:01:45 +0000',
  direction: 'outbound-api',
  error_code: null,
  error_message: null,
  from: '+14155552345',
  num_media: '0',
  num_segments: '1',
  price: null,
  price_unit: null,
  messaging_service_sid: 'MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  sid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  status: 'queued',
  to: '+14155552345',
  uri: '/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json',
}

/** An RCS message that could not be delivered. */
export const UNDELIVERED_RCS_MESSAGE = {
  ...DOCUMENTED_MESSAGE,
  sid: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
  from: 'rcs:acme_agent',
  to: '+18182008801',
  status: 'undelivered',
  error_code: 30003,
  error_message: 'Unreachable destination handset',
  date_updated: 'Fri, 24 May 2019 17:20:00 +0000',
}

/** A status callback as Twilio POSTs it (form fields, here already parsed by the web framework). */
export const DELIVERED_CALLBACK = {
  SmsSid: 'SMb7c0a2ce80504485a6f653a7110836f5',
  SmsStatus: 'delivered',
  MessageStatus: 'delivered',
  To: '+15558675310',
  MessageSid: 'SMb7c0a2ce80504485a6f653a7110836f5',
  AccountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  From: '+15017250604',
  ApiVersion: '2010-04-01',
}

/** The same kind of callback as the raw form-encoded body, for an RCS message that failed. */
export const UNDELIVERED_CALLBACK_FORM =
  'SmsSid=SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&SmsStatus=undelivered&MessageStatus=undelivered&To=%2B15558675310' +
  '&MessageSid=SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=rcs%3Aacme_agent' +
  '&ApiVersion=2010-04-01&ErrorCode=30003&ChannelPrefix=rcs'
