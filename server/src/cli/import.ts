/**
 * `npm run import -- <file> --kind feedback|transactions|observations [--format csv|json]
 * [--dry-run] [--verbose] [--show N]`
 *
 * Imports a CSV or JSON (array or NDJSON) file into the configured database (DATABASE_URL, or
 * the SQLite file under CX_DATA_DIR), streaming, in batches; see README "File imports".
 */
import { main } from './import-cli.js';

process.exitCode = await main(process.argv.slice(2), { out: process.stdout });
