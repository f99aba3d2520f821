/**
 * `npm run seed -- [--scale N] [--seed S] [--force]`
 *
 * Ensures the reference data, then loads the demo company into the configured database
 * (DATABASE_URL, or the SQLite file under CX_DATA_DIR). Without `--force` it only loads into a
 * database without client accounts; with it, it adds another generation whose codes, e-mails
 * and external ids carry a `-s<seed>` suffix (use a different seed per generation).
 * `--scale N` multiplies accounts, contacts, feedback and figures, for benchmarks.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { initORM, migrateUp } from '../db/orm.js';
import { loadDemo, loadDemoIfEmpty } from '../demo/load.js';
import { seedReferenceData } from '../demo/reference-data.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isFinite(scale))
  throw new Error(`--scale must be a positive number, got "${values.scale}"`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);

const config = loadConfig();
const orm = await initORM({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
try {
  await migrateUp(orm);
  const reference = await orm.em.fork().transactional((em) => seedReferenceData(em));
  console.log('Reference data added:', reference);
  const log = { info: (message: string) => console.log(message) };
  const result = values.force
    ? await loadDemo(orm, { seed, scale, log })
    : await loadDemoIfEmpty(orm, { seed, scale, log });
  if (!result) {
    console.log(
      'The database already has client accounts; nothing loaded (use --force --seed <new seed> to add more).',
    );
  } else {
    console.table(result.counts);
    console.log(
      `Loaded ${result.rows} rows in ${(result.durationMs / 1000).toFixed(1)} s ` +
        `(generate ${(result.generateMs / 1000).toFixed(1)} s, write ${(result.writeMs / 1000).toFixed(1)} s).`,
    );
  }
} finally {
  await orm.close();
}
