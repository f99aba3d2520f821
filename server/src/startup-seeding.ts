import type { HubConfig } from './config.js';
import type { Orm } from './db/orm.js';
import type { Logger } from './logger.js';
import { loadDemoIfEmpty } from './demo/load.js';
import { seedReferenceData } from './demo/reference-data.js';
import { ensureDemoSignIns, type DemoSignIn } from './demo/demo-sign-ins.js';
import { ensureBootstrapAdmin } from './modules/identity/bootstrap-admin.js';

/**
 * Reference data (departments, the B2B value catalogue, journey, metric definitions)
 * is ensured on every start; the demo company only fills an empty database.
 */
export async function startupSeeding(
  orm: Orm,
  config: HubConfig,
  log: Logger,
): Promise<DemoSignIn[]> {
  await orm.em.fork().transactional((em) => seedReferenceData(em));
  const admin = await ensureBootstrapAdmin(orm, config.auth.bootstrapAdmin);
  if (admin === 'created' || admin === 'password-set') {
    log.info(`CX admin ${config.auth.bootstrapAdmin!.email} can sign in (CX_ADMIN_EMAIL)`);
  }
  if (!config.seedDemo) return [];
  const started = Date.now();
  const result = await loadDemoIfEmpty(orm, { seed: 1, scale: 1, log });
  if (result) log.info(`Demo dataset loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ensureDemoSignIns(orm);
}
