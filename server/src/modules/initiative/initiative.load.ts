import type { Em } from '../../db/orm.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { snapshot } from '../audit/audit.service.js';
import { Initiative } from './initiative.entity.js';
import { InitiativeStatus } from './initiative.enums.js';
import { initiativeError } from './initiative.errors.js';

/** Loads an initiative with its links, ready to change them, or fails with NOT_FOUND. */
export async function loadForChange(em: Em, globalId: string, field = 'id'): Promise<Initiative> {
  const initiative = await em.findOne(
    Initiative,
    { id: fromGlobalId(globalId, 'Initiative', field) },
    { populate: ['affectedAccounts', 'feedback'] },
  );
  if (!initiative)
    throw initiativeError('INITIATIVE_NOT_FOUND', `No initiative with id ${globalId}.`, field);
  return initiative;
}

/** The initiative's own columns plus the ids of its links (not the linked rows). */
export function initiativeSnapshot(initiative: Initiative): Record<string, unknown> {
  const { affectedAccounts: _a, feedback: _f, ...own } = snapshot(initiative) ?? {};
  const ids = (c: { isInitialized(): boolean; getItems(): { id: string }[] }) =>
    c.isInitialized() ? c.getItems().map((e) => e.id) : undefined;
  return {
    ...own,
    affectedAccountIds: ids(initiative.affectedAccounts),
    feedbackIds: ids(initiative.feedback),
  };
}

/** Closed and cancelled initiatives are history: nothing about them changes any more. */
export function assertNotFinished(initiative: Initiative): void {
  if (
    initiative.status === InitiativeStatus.CLOSED ||
    initiative.status === InitiativeStatus.CANCELLED
  ) {
    throw initiativeError(
      'INITIATIVE_FINISHED',
      `Initiative ${initiative.code} is ${initiative.status.toLowerCase()} and can no longer be changed.`,
    );
  }
}
