import { fieldShard, fuzzFields } from '../helpers/fuzz/fuzz-fields.js';

/** Hostile and random arguments for every query: never an internal error, never a write. */
fuzzFields('hostile input to queries', 'Query', await fieldShard('Query'), 30);
