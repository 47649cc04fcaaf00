#!/usr/bin/env node
import { runCli } from './run-cli.js'
import { nodeIo } from './runtime/cli-io.js'

const code = await runCli(process.argv.slice(2), nodeIo())
// Exit explicitly once stdout is flushed: idle keep-alive sockets must not hold the process open.
process.stdout.write('', () => process.exit(code))
