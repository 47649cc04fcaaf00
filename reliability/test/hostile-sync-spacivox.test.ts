import { describeHostileSync } from './support/describe-hostile-sync.js'

describeHostileSync('spacivox', [1])
