import { PACKAGE_JSON } from './package-root.js';

export const TOOL_VERSION: string = PACKAGE_JSON.version;
