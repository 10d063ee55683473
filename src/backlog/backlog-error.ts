import { InputError } from '../errors.js';

/** The backlog file is damaged, locked by another run, or an id does not name one item. Exit code 2. */
export class BacklogError extends InputError {}
