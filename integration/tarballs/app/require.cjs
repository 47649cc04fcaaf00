// CommonJS callers: require() of the ES-module packages (Node >= 20.19, through the exports' `default` condition).
const assert = require('node:assert/strict')

const core = require('@rcs-records/core')
const bsg = require('@rcs-records/bsg')
const partnerGateway = require('@rcs-records/partner-gateway')
const spacivox = require('@rcs-records/spacivox')
const simulator = require('@rcs-records/simulator')
const cli = require('@rcs-records/cli')

assert.equal(typeof core.createClient, 'function')
assert.equal(typeof core.loadClient, 'function')
// The kit is its own entry; what is neither in it nor in the main entry is sealed by the exports map.
const kit = require('@rcs-records/core/kit')
assert.equal(typeof kit.createHttpTransport, 'function')
assert.equal(core.createHttpTransport, undefined)
assert.throws(() => require('@rcs-records/core/src/errors/bounded-copy.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' })
for (const [name, adapter] of [
  ['bsg', bsg],
  ['partner-gateway', partnerGateway],
  ['spacivox', spacivox],
]) {
  assert.equal(adapter.adapter.name, name)
  assert.equal(adapter.default, adapter.adapter)
}
assert.equal(typeof simulator.startSimulator, 'function')
assert.ok(Object.keys(cli).length > 0)
console.log('require(): every package loads')
