// Bundles the CLI (dist/cli/main.js and its lazily imported commands and stages) into
// dist/cli-bundle/: one file per lazy boundary instead of ~350 modules, because resolving and
// linking that many ES modules was most of `tone-audit check`'s start-up. The library API
// (dist/index.js) stays tsc's output. Packages that read their own files at run time (wink's
// model) or load only for the LLM grader stay external and load from node_modules as before.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const outdir = 'dist/cli-bundle';
await rm(outdir, { recursive: true, force: true }); // chunk names carry hashes: drop the last build's
await build({
  entryPoints: { main: 'dist/cli/main.js', io: 'dist/cli/io.js', 'judge-worker': 'dist/parallel/judge-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['wink-nlp', 'wink-eng-lite-web-model', '@anthropic-ai/sdk'],
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __toneAuditCreateRequire } from 'node:module'; const require = __toneAuditCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
