import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { AccountTier, CompanySize } from '../../server/src/modules/client/client.enums.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import type { Orm } from '../../server/src/db/orm.js';

export const FILE_ACCOUNTS = 20;

/** Accounts `acc-0…acc-19`, written straight through the ORM. */
export async function arrangeAccounts(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  const segment = em.create(Segment, {
    code: 'files',
    name: 'Files',
    industry: 'Chemicals',
    size: CompanySize.MEDIUM,
  });
  for (let i = 0; i < FILE_ACCOUNTS; i++) {
    em.create(ClientAccount, {
      externalId: `acc-${i}`,
      name: `Client ${i}`,
      segment,
      tier: AccountTier.SMB,
    });
  }
  await em.flush();
}

export const TRANSACTION_HEADER =
  'externalId,accountExternalId,period,revenue,grossMargin,avgDaysLate,orderCount,orderRegularity,shareOfWallet';

/** Month `i` counted back from 2025-12: distinct for every i < 12 * 500. */
function monthBack(i: number): string {
  const year = 2025 - Math.floor(i / 12);
  return `${year}-${String(12 - (i % 12)).padStart(2, '0')}`;
}

/**
 * Lines of a transactions CSV (data rows only), row `n` (from 1) for account `n % 20`
 * and a month of its own. Rows whose number is in `refused` name an unknown account.
 */
export function* transactionLines(count: number, refused: ReadonlySet<number> = new Set()) {
  for (let n = 1; n <= count; n++) {
    const account = refused.has(n) ? 'nobody' : `acc-${n % FILE_ACCOUNTS}`;
    const month = monthBack(Math.floor(n / FILE_ACCOUNTS));
    yield `tx-${n},${account},${month},${1000 + n},${200 + (n % 50)},${n % 9},${n % 30},0.5,\n`;
  }
}
