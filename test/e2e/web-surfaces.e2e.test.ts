import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../helpers/browser.js';
import {
  allocateHubPorts,
  eventually,
  graphqlOverHttp,
  signInOverHttp,
  startHubProcess,
  type HttpSession,
  type HubProcess,
} from '../helpers/hub-process.js';
import {
  demoSignIns,
  ensureWebBuild,
  screenshotBothWidths,
  seriousAxeViolations,
  signInThroughPage,
  type DemoRole,
  type DemoSignIn,
} from '../helpers/web-e2e.js';

interface BoardRow {
  id: string;
  code: string;
  title: string;
  status: string;
  processGroup: string;
  openTaskCount: number;
}

interface InitiativeRow extends BoardRow {
  live: { status: string } | null;
  tasks: { status: string; department: { code: string } | null }[];
}

const INITIATIVES = `query($filter: InitiativeFilter) {
  initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {
    nodes {
      id code title status processGroup openTaskCount
      live { status }
      tasks { status department { code } }
    }
  }
}`;
const INITIATIVE = `query($id: ID!) { initiative(id: $id) { id code status processGroup openTaskCount } }`;

/**
 * Every surface of the web client, in Debian's Chromium, against one hub started as `npm start`
 * starts it: embedded SQLite, Temporal dev server and worker, the demo company. Each test signs
 * in through the page as the role that uses the surface, does its main job, and leaves an axe
 * check, a clean console and screenshots at laptop and tablet width behind.
 */
describe('the web surfaces in Chromium against the hub started as a user starts it', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-web-e2e-'));
  let hub: HubProcess;
  let who: Record<DemoRole, DemoSignIn>;
  let admin: HttpSession;
  const browsers: BrowserSession[] = [];

  /** A browser of its own (own cookies) per role, opened on first use and reused after. */
  const sessions = new Map<DemoRole, BrowserSession>();
  const browserAs = async (role: DemoRole, path: string): Promise<BrowserSession> => {
    let session = sessions.get(role);
    if (!session) {
      session = await openBrowser();
      browsers.push(session);
      sessions.set(role, session);
      await signInThroughPage(session.page, `${hub.url}${path}`, who[role]);
    } else {
      await session.page.goto(`${hub.url}${path}`);
    }
    return session;
  };

  const asAdmin = async <T = any>(query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await graphqlOverHttp<T>(hub.url, query, variables, admin);
    if (!body.data) throw new Error(`admin query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const initiatives = async (filter: Record<string, unknown> = {}): Promise<InitiativeRow[]> =>
    (await asAdmin<{ initiatives: { nodes: InitiativeRow[] } }>(INITIATIVES, { filter }))
      .initiatives.nodes;
  /** Whether one of the initiative's open tasks belongs to the department member's department. */
  const hasInboxTask = (i: InitiativeRow) =>
    i.tasks.some(
      (t) => ['OPEN', 'IN_PROGRESS'].includes(t.status) && t.department?.code === 'LOGISTICS',
    );
  const initiative = async (id: string): Promise<BoardRow> =>
    (await asAdmin<{ initiative: BoardRow }>(INITIATIVE, { id })).initiative;

  beforeAll(async () => {
    await ensureWebBuild();
    hub = startHubProcess({ CX_DATA_DIR: dataDir }, await allocateHubPorts(), 240_000);
    await hub.ready;
    who = demoSignIns(hub);
    admin = await signInOverHttp(hub.url, who['CX admin'].email, who['CX admin'].password);
    // The reconciler starts the demo initiatives' workflows shortly after the banner: wait for
    // every unfinished one to answer its workflow query, so moves meet a running workflow.
    await eventually(
      async () => {
        const open = (await initiatives()).filter(
          (i) => !['CLOSED', 'CANCELLED'].includes(i.status),
        );
        return open.length > 0 && open.every((i) => i.live) ? true : undefined;
      },
      60_000,
      250,
    );
  }, 320_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await hub?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('CX office board: moves a card by keyboard and by drag and drop; a refused move is explained in words', async () => {
    // Two initiatives in COLLECT, whose only next phase is ANALYSE, and one in IMPLEMENT with an
    // open task (the workflow refuses to finish IMPLEMENT then); none has a task of the inbox test.
    const collecting = (
      await initiatives({ processGroups: ['COLLECT'], statuses: ['PROPOSED', 'ACTIVE'] })
    ).filter((i) => !hasInboxTask(i));
    expect(collecting.length).toBeGreaterThanOrEqual(2);
    const [byKeyboard, byMouse] = collecting as [InitiativeRow, InitiativeRow];
    const refused = (
      await initiatives({ processGroups: ['IMPLEMENT'], statuses: ['ACTIVE'] })
    ).find((i) => i.openTaskCount > 0 && !hasInboxTask(i));
    if (!refused)
      throw new Error('the demo company has no ACTIVE initiative in IMPLEMENT with open tasks');

    const { page, consoleErrors } = await browserAs('CX manager', '/board');
    await page.getByRole('heading', { name: 'Initiative board' }).waitFor();
    const column = (group: string) => page.getByTestId(`column-${group}`);
    const card = (code: string) => page.getByTestId(`card-${code}`);
    await column('COLLECT').getByTestId(`card-${byKeyboard.code}`).waitFor();

    // Keyboard: the card's "Move to…" list, arrow to the first other column (ANALYSE), Tab, Enter.
    const select = card(byKeyboard.code).locator('select');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('ANALYSE');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? null)).toBe(
      'Move',
    );
    await page.keyboard.press('Enter');
    await column('ANALYSE').getByTestId(`card-${byKeyboard.code}`).waitFor();
    expect(await column('COLLECT').getByTestId(`card-${byKeyboard.code}`).count()).toBe(0);
    expect(await initiative(byKeyboard.id)).toMatchObject({
      processGroup: 'ANALYSE',
    });

    // Drag and drop: dnd-kit's pointer sensor starts after 8 px, so the pointer travels in steps.
    const from = await card(byMouse.code).locator('.board-card-body p.muted').boundingBox();
    const to = await column('ANALYSE').locator('h2').boundingBox();
    if (!from || !to) throw new Error('card or column is not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 20, { steps: 20 });
    await page.mouse.up();
    await column('ANALYSE').getByTestId(`card-${byMouse.code}`).waitFor();
    expect(await initiative(byMouse.id)).toMatchObject({ processGroup: 'ANALYSE' });

    // A move the workflow refuses: IMPLEMENT cannot finish while a task is open. Said in words.
    await card(refused.code).locator('select').selectOption('MONITOR');
    await card(refused.code).getByRole('button', { name: 'Move' }).click();
    const alert = card(refused.code).getByRole('alert');
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('The move was refused');
    expect(said).toContain('Some tasks are still open: finish or cancel them first.');
    expect(said).toContain(`Initiative ${refused.code} still has`);
    expect(await initiative(refused.id)).toMatchObject({ processGroup: 'IMPLEMENT' });
    expect(await column('IMPLEMENT').getByTestId(`card-${refused.code}`).count()).toBe(1);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'board', () =>
      column('ANALYSE').getByTestId(`card-${byKeyboard.code}`).waitFor(),
    );
    expect(consoleErrors).toEqual([]);
  });

  it('dashboard: the charts are drawn from the demo data, with no error state', async () => {
    const { page, consoleErrors } = await browserAs('CX manager', '/dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // Every panel finishes loading; none shows the API's refusal.
    const panels = page.locator('section.chart-panel');
    await expect.poll(() => panels.count()).toBeGreaterThanOrEqual(6);
    await expect
      .poll(() => page.locator('section.chart-panel[aria-busy="true"]').count(), {
        timeout: 20_000,
      })
      .toBe(0);
    expect(await page.locator('.problems').count()).toBe(0);
    // The trend's text alternative carries the numbers drawn: months with NPS figures.
    const trend = page.locator('section[aria-labelledby="dashboard-trend-heading"]');
    const rows = trend.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().locator('td').nth(1).innerText()).toMatch(/-?\d/);
    expect(await trend.locator('.chart-box svg').count()).toBeGreaterThan(0);
    // Most panels are drawn rather than empty.
    expect(await page.locator('.chart-empty').count()).toBeLessThanOrEqual(2);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dashboard', () =>
      trend.locator('.chart-box svg').first().waitFor(),
    );
    expect(consoleErrors).toEqual([]);
  });

  it('explorer: loads offline from the hub, opens the schema documentation and runs a query', async () => {
    const { page, consoleErrors } = await browserAs('CX manager', '/board');
    // Only the hub itself may be asked for anything: no CDN.
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(hub.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.getByRole('navigation').getByRole('link', { name: 'GraphQL explorer' }).click();
    await page.getByRole('heading', { name: 'GraphQL explorer' }).waitFor();

    // The schema's documentation: the root types, then the Query type's fields with their docs.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query', exact: true }).first().click();
    await docs.getByText('Initiatives, newest first unless ordered otherwise.').waitFor();

    // Type a query into the editor and run it from the keyboard (GraphiQL's Ctrl-Enter).
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ me { role');
    const suggestions = page.locator('.suggest-widget.visible');
    await page.keyboard.press('Escape');
    await suggestions.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Enter');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain('"CX_MANAGER"');
    await page.keyboard.press('Escape');

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'explorer', () => response.getByText('CX_MANAGER').waitFor());
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
