/**
 * The adapter name: the `provider` of every record and error. Its own module, so that every other module — pure or
 * I/O — imports the constant without importing anything else.
 */
export const PROVIDER = 'twilio'
