import { createRequire } from 'node:module';

// package.json sits one level above both src/ and dist/, so this resolves in tests and in the build.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const TOOL_VERSION: string = pkg.version;
