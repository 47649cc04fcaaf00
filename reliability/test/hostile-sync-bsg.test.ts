import { describeHostileSync } from './support/describe-hostile-sync.js'

describeHostileSync('bsg', [1, 2, 3])
