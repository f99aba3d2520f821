import { parseGlobalId } from '../graphql/relay.js';
import { authError } from './auth.errors.js';
import { COUNCIL_MEMBER, DEPARTMENT_MEMBER, type Guard } from './rules.js';

const inputOf = (args: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const input = args.input;
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
};

/**
 * A council member records a decision as themselves: `decidedByMemberId` is left out (the
 * hub takes their seat on the review's council) or is one of their own seats. Decided from
 * the arguments alone, so the answer never depends on which reviews exist.
 */
export const decidesAsThemselves: Guard = (viewer, args) => {
  if (viewer.role !== COUNCIL_MEMBER) return null;
  const given = inputOf(args).decidedByMemberId;
  if (typeof given !== 'string') return null;
  const seat = parseGlobalId(given);
  // A malformed id is left to the id decoding (INVALID_ID), as for everyone.
  if (!seat || seat.type !== 'CouncilMember' || viewer.memberIds?.includes(seat.id)) return null;
  return authError(
    'ARGUMENT_NOT_ALLOWED',
    'A council member decides as themselves: leave decidedByMemberId out or give your own membership.',
    'decidedByMemberId',
  );
};

/** What a department may change on its tasks: their status (completeTask and rejectTask finish them). */
const DEPARTMENT_TASK_FIELDS = new Set(['status']);

export const departmentChangesStatusOnly: Guard = (viewer, args) => {
  if (viewer.role !== DEPARTMENT_MEMBER) return null;
  const other = Object.entries(inputOf(args)).find(
    ([field, value]) => value !== undefined && !DEPARTMENT_TASK_FIELDS.has(field),
  );
  if (!other) return null;
  return authError(
    'ARGUMENT_NOT_ALLOWED',
    `A department changes only the status of its tasks, not ${other[0]}; ask the initiative owner.`,
    other[0],
  );
};

/**
 * A council member filters its councils' accounts only by what it may read of them (the
 * name): filtering by tier, status, segment or owner would tell it what the field policy hides.
 */
export const councilFiltersAccountsByName: Guard = (viewer, args) => {
  if (viewer.role !== COUNCIL_MEMBER) return null;
  const filter = typeof args.filter === 'object' && args.filter !== null ? args.filter : {};
  const other = Object.entries(filter).find(
    ([field, value]) => value != null && field !== 'search',
  );
  if (!other) return null;
  return authError(
    'ARGUMENT_NOT_ALLOWED',
    `A council member filters accounts by name only, not by ${other[0]}.`,
    `filter.${other[0]}`,
  );
};
