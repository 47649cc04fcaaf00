#!/usr/bin/env node
// The executable package managers link. It is committed (the program itself, dist/bin.js, exists only after
// `tsc -b`), so a fresh install can link it before anything is built.
import '../dist/bin.js'
