import { describeFaultedSync } from './support/describe-faulted-sync.js'

describeFaultedSync('spacivox')
