import { testRule } from './rule-tester.js';

// The engine never flags judge rules; graders do.
testRule('judge', {}, { valid: ['Per our policy, no!!!', ''], invalid: [] });
