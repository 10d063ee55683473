#!/usr/bin/env node
// Regenerates schema/styleguide.schema.json from the zod schema in src/load/styleguide.
// Usage: npm run build && node scripts/write-json-schema.js
// test/load/styleguide/style-guide-json-schema.test.ts fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { styleGuideJsonSchema } from '../dist/load/styleguide/index.js';

const target = fileURLToPath(new URL('../schema/styleguide.schema.json', import.meta.url));
await writeFile(target, `${JSON.stringify(styleGuideJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
