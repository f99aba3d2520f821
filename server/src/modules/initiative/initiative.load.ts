import type { Em } from '../../db/orm.js';
import { mustFind } from '../../db/lookup.js';
import { snapshot } from '../audit/audit.service.js';
import { Initiative } from './initiative.entity.js';
import { InitiativeStatus } from './initiative.enums.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';

/** Loads an initiative with its links, ready to change them, or fails with NOT_FOUND. */
export function loadForChange(em: Em, id: string, field = 'id'): Promise<Initiative> {
  return mustFind(em, Initiative, id, field, initiativeNotFound('INITIATIVE_NOT_FOUND'), {
    populate: ['affectedAccounts', 'feedback'],
  });
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
