import { fieldShard, fuzzFields } from '../helpers/fuzz/fuzz-fields.js';

/** Hostile and random arguments for every mutation, part 3 of 3 (the mutations split by name). */
fuzzFields(
  'hostile input to mutations, part 3 of 3',
  'Mutation',
  await fieldShard('Mutation', 3, 3),
  40,
);
