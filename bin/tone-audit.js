#!/usr/bin/env node
// The only file that touches `process`: everything else gets an injected io.
// dist/cli-bundle is the CLI bundled by scripts/bundle-cli.js (start-up time), built from dist/cli.
import { main } from '../dist/cli-bundle/main.js';
import { processIo } from '../dist/cli-bundle/io.js';

process.exitCode = await main(process.argv.slice(2), processIo());
