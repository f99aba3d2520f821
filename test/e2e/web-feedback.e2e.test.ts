import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { ensureBootstrapAdmin } from '../../server/src/modules/identity/bootstrap-admin.js';
import { graphqlOverHttp, signInOverHttp } from '../helpers/hub-process.js';
import { createHttpServer, type HubHttpServer } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { initORM, migrateUp, type Orm } from '../../server/src/db/orm.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { openBrowser, type BrowserSession } from '../helpers/browser.js';
import { RecordingCollectStarter, silentLogger } from '../helpers/graphql.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const webDist = path.join(projectRoot, 'web', 'dist');
const screenshots = path.join(projectRoot, 'test-results');

/** `npm test` builds first; a lone `vitest run` of this file builds the client itself. */
async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

const ADMIN = { email: 'web.admin@hub.example', password: 'web-admin-password-1' };

describe('web client: the feedback page against the real server in Chromium', () => {
  let dir: string;
  let orm: Orm;
  let http: HubHttpServer;
  let baseUrl: string;
  let browser: BrowserSession;
  let contactName: string;

  const submitOverHttp = async (input: Record<string, unknown>): Promise<string> => {
    const session = await signInOverHttp(baseUrl, ADMIN.email, ADMIN.password);
    const { body } = await graphqlOverHttp(
      baseUrl,
      'mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id } } }',
      { input },
      session,
    );
    if (!body.data) throw new Error(`seeding feedback failed: ${JSON.stringify(body)}`);
    return body.data.submitFeedback.feedbackItem.id as string;
  };

  const acknowledge = (where: Partial<Pick<FeedbackItem, 'id' | 'text'>>) =>
    orm.em.fork().nativeUpdate(FeedbackItem, where, {
      status: FeedbackStatus.ACKNOWLEDGED,
      acknowledgedAt: new Date(),
    });

  beforeAll(async () => {
    await ensureWebBuild();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-web-e2e-'));
    orm = await initORM({ sqlitePath: path.join(dir, 'hub.sqlite') });
    await migrateUp(orm);
    const fixture = await createAccount(orm, {
      name: 'Nordic Polymers',
      contacts: [{ respondentClass: RespondentClass.TECHNICAL_BUYER }],
    });
    await createAccount(orm, { name: 'Baltic Resins' });
    contactName = fixture.contacts[0]!.name;
    const config = loadConfig({
      CX_DATA_DIR: dir,
      CX_ADMIN_EMAIL: ADMIN.email,
      CX_ADMIN_PASSWORD: ADMIN.password,
    });
    await ensureBootstrapAdmin(orm, config.auth.bootstrapAdmin);
    http = await createHttpServer({
      orm,
      config,
      collect: new RecordingCollectStarter(),
      initiatives: unreachableInitiativeWorkflows,
      log: silentLogger,
    });
    baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;

    // One older item, already acknowledged, so the page opens on a populated list.
    const older = await submitOverHttp({
      accountId: fixture.accountGid,
      channel: 'SURVEY',
      npsScore: 9,
      text: 'Technical support answered within the hour, thank you.',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await acknowledge({ id: fromGlobalId(older, 'FeedbackItem', 'id') });

    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await orm?.close(true);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, lists feedback, submits a new item and shows it turn ACKNOWLEDGED without a reload', async () => {
    const { page } = browser;
    // A deep link: the hub serves the app shell for client-side routes, and it survives sign-in.
    await page.goto(`${baseUrl}/feedback`);
    // Signed out: the sign-in form; a wrong password is refused in words.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Recent feedback' }).isVisible())
      .toBe(true);
    const rows = page.locator('.feedback-table tbody tr');
    await rows.filter({ hasText: 'Technical support answered' }).waitFor();

    // Pick the account through the search box, then its known contact.
    await page.getByLabel('Find an account').fill('nordic');
    const account = page.getByLabel('Client account');
    await expect
      .poll(() => account.locator('option').allTextContents())
      .toEqual(['Choose an account…', 'Nordic Polymers']);
    await account.selectOption({ label: 'Nordic Polymers' });
    await page
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: `${contactName} · Technical buyer` });
    await page.getByLabel('Channel').selectOption('COMPLAINT');

    // Nothing to say yet: the API's typed error is shown beside the form.
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('BAD_USER_INPUT');

    const text = 'Pallets arrived wet for the second time this month; the resin clumped.';
    await page.getByLabel('NPS, 0–10').fill('3');
    await page.getByLabel('Feedback text').fill(text);
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await page.getByRole('status').filter({ hasText: 'Feedback received' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Newest first, still awaiting its acknowledgement, and the page says it is watching.
    const first = rows.first();
    await expect.poll(() => first.textContent()).toContain('Pallets arrived wet');
    expect(await first.locator('[data-status]').getAttribute('data-status')).toBe('RECEIVED');
    expect(await first.textContent()).toContain('Nordic Polymers');
    expect(await first.textContent()).toContain(contactName);
    await page.getByText('Updating automatically').waitFor();
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'web-feedback-received.png') });

    // The collect workflow's acknowledgement, done behind the page's back: polling picks it up.
    await acknowledge({ text });
    await expect
      .poll(() => first.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('ACKNOWLEDGED');
    expect(await first.locator('.badge').textContent()).toBe('Acknowledged');
    await page.getByText('Updating automatically').waitFor({ state: 'hidden' });

    await page.screenshot({ path: path.join(screenshots, 'web-feedback.png'), fullPage: true });
    expect(browser.consoleErrors).toEqual([]);
  });

  it('switches the labels to Russian and stays usable at tablet width', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Последние отзывы' }).waitFor();
    await page.getByRole('button', { name: 'Отправить отзыв' }).waitFor();
    expect(
      await page.locator('.feedback-table tbody tr').first().locator('.badge').textContent(),
    ).toBe('Подтверждён');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    // Keyboard: tabbing from the language switch reaches the form's first control.
    await page.getByLabel('Язык').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('account-search');

    await page.screenshot({
      path: path.join(screenshots, 'web-feedback-tablet-ru.png'),
      fullPage: true,
    });
    expect(browser.consoleErrors).toEqual([]);
  });

  it('opens the initiative board by deep link, in the language chosen before', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/board?stage=USAGE`);
    await page.getByRole('heading', { name: 'Доска инициатив' }).waitFor();
    await page.getByRole('heading', { name: /Анализ/ }).waitFor();
    expect(await page.getByLabel('Этап пути клиента').inputValue()).toBe('USAGE');
    await page.getByRole('link', { name: 'Отзывы' }).click();
    await page.getByRole('heading', { name: 'Последние отзывы' }).waitFor();
    expect(browser.consoleErrors).toEqual([]);
  });
});
