import { describeHostileSync } from './support/describe-hostile-sync.js'

describeHostileSync('partner-gateway', [1])
