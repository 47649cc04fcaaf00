import type { ConformanceCheck } from '../check.js'
import { report } from '../check.js'

const GET_MANY_VALUES = new Set<unknown>(['native', 'emulated', false])

/**
 * `definition.shape`: the definition has a name, an io-ts config codec, `create`, well-formed capabilities that make
 * sense together, and string `secretFields`.
 */
export const definitionShape: ConformanceCheck = {
  name: 'definition.shape',
  description: 'name, configCodec, create, capabilities and secretFields are well-formed',
  run: async ({ definition }) => {
    const problems: string[] = []
    if (typeof definition.name !== 'string' || definition.name.trim() === '' || /\s/.test(definition.name)) {
      problems.push('name must be a non-empty string without whitespace (it is every record’s provider)')
    }
    const codec = definition.configCodec as Partial<Record<'decode' | 'is' | 'validate', unknown>> | undefined
    if (typeof codec?.decode !== 'function' || typeof codec.is !== 'function' || typeof codec.validate !== 'function') {
      problems.push('configCodec must be an io-ts Type (decode, is, validate)')
    }
    if (typeof definition.create !== 'function') problems.push('create must be a function')
    const caps = definition.capabilities as unknown as Record<string, unknown> | undefined
    if (caps === undefined || caps === null || typeof caps !== 'object') {
      problems.push('capabilities must be an object')
      return report(problems)
    }
    for (const key of ['get', 'list', 'modifiedSince', 'webhooks']) {
      if (typeof caps[key] !== 'boolean') problems.push(`capabilities.${key} must be a boolean`)
    }
    if (!GET_MANY_VALUES.has(caps.getMany)) problems.push("capabilities.getMany must be 'native', 'emulated' or false")
    if (caps.getMany === 'emulated' && caps.get !== true) {
      problems.push("capabilities.getMany 'emulated' needs get: true (core emulates getMany with get)")
    }
    if (caps.modifiedSince === true && caps.list !== true) problems.push('capabilities.modifiedSince needs list: true')
    if (caps.get !== true && caps.list !== true) problems.push('an adapter must support get or list')
    const secretFields = definition.secretFields as unknown
    if (
      secretFields !== undefined &&
      !(Array.isArray(secretFields) && secretFields.every((field) => typeof field === 'string'))
    ) {
      problems.push('secretFields must be an array of config keys')
    }
    return report(problems)
  },
}
