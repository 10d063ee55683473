/** Replies the terminal report lists by default (`--show <n>|all`): enough to see the pattern, few enough to reach the summary. */
export const DEFAULT_SHOW_LIMIT = 20;
