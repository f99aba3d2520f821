import type { Orm } from '../../server/src/db/orm.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import type { TestApi } from './graphql.js';

const LIVE = `query($id: ID!) { initiative(id: $id) { live {
  workflowId processGroup status revision openTasks pendingReviews timers { kind at taskId reviewId } } } }`;

/**
 * Everything a command on an initiative could change, read straight from the database
 * (every column of its row, tasks, reviews, revisions, links and inbox entries), the tables such commands
 * append to (counted whole), and its workflow's live state through `Initiative.live`.
 * Two equal readings mean nothing changed in between.
 */
export async function initiativeState(
  api: TestApi,
  orm: Orm,
  initiativeGid: string,
): Promise<Record<string, unknown>> {
  const id = fromGlobalId(initiativeGid, 'Initiative');
  const em = orm.em.fork();
  const rows = (sql: string) => em.execute<Record<string, unknown>[]>(sql, [id]);
  const count = async (table: string) =>
    Number(
      (await em.execute<{ n: number | string }[]>(`select count(*) as n from ${table}`))[0]!.n,
    );
  // Sequential: one EntityManager, one connection.
  const state: Record<string, unknown> = {
    initiative: await rows('select * from initiative where id = ?'),
    tasks: await rows('select * from initiative_task where initiative_id = ? order by id'),
    reviews: await rows('select * from council_review where initiative_id = ? order by id'),
    revisions: await rows('select * from initiative_revision where initiative_id = ? order by id'),
    accounts: await rows(
      'select client_account_id from initiative_account where initiative_id = ? order by 1',
    ),
    feedback: await rows(
      'select feedback_item_id from initiative_feedback where initiative_id = ? order by 1',
    ),
    inbox: await rows('select * from inbox_entry where initiative_id = ? order by id'),
    clientNotifications: await count('client_notification'),
    inboxEntries: await count('inbox_entry'),
    auditEvents: await count('audit_event'),
    commandReceipts: await count('command_receipt'),
  };
  const live = await api.execute(LIVE, { id: initiativeGid });
  if (live.errors) throw new Error(JSON.stringify(live.errors));
  state.live = live.data?.initiative?.live ?? null;
  return state;
}
