import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { HubProcess } from './hub-process.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const webDist = path.join(projectRoot, 'web', 'dist');

/** Where the surfaces' screenshots go (git-ignored artifacts). */
export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

/** `npm test` builds first; a lone `vitest run` of an e2e file builds the client itself. */
export async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

export type DemoRole = 'CX admin' | 'CX manager' | 'Department member' | 'Council member';

export interface DemoSignIn {
  role: DemoRole;
  email: string;
  password: string;
}

/** The demo sign-ins the hub printed in its start-up banner, one per role. */
export function demoSignIns(hub: HubProcess): Record<DemoRole, DemoSignIn> {
  const found = [
    ...hub
      .output()
      .matchAll(/^ {4}(CX admin|CX manager|Department member|Council member) +(\S+@\S+) +(\S+)$/gm),
  ].map(([, role, email, password]) => ({
    role: role as DemoRole,
    email: email!,
    password: password!,
  }));
  const byRole = Object.fromEntries(found.map((s) => [s.role, s])) as Record<DemoRole, DemoSignIn>;
  for (const role of ['CX admin', 'CX manager', 'Department member', 'Council member'] as const) {
    if (!byRole[role]) throw new Error(`no demo ${role} in the banner:\n${hub.output()}`);
  }
  return byRole;
}

/** Signs in through the page's own form, starting from `url` (a deep link survives sign-in). */
export async function signInThroughPage(
  page: Page,
  url: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** An axe-core violation, short enough to read in a failed assertion. */
export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** A third-party finding we cannot fix from our code: the rule and a class on the element. */
export interface KnownFinding {
  id: string;
  /** A class the offending element carries (matched in its HTML as axe reports it). */
  className: string;
  why: string;
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA and best
 * practice), less the `known` third-party findings named one by one.
 */
export async function seriousAxeViolations(
  page: Page,
  options: { exclude?: string[]; known?: KnownFinding[] } = {},
): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  const known = options.known ?? [];
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) => !known.some((k) => k.id === v.id && n.html.includes(k.className)),
      ),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

export const LAPTOP = { width: 1366, height: 900 } as const;
export const TABLET = { width: 820, height: 1180 } as const;

/**
 * Full-page screenshots of the surface at laptop and tablet width
 * (`test-results/screenshots/<surface>-<width>.png`); the viewport ends at laptop width.
 * `settle` waits for what must be visible at each width before the picture is taken.
 */
export async function screenshotBothWidths(
  page: Page,
  surface: string,
  settle: () => Promise<void> = async () => undefined,
  /** The whole page (default), or only what the window shows, for very long pages. */
  fullPage = true,
): Promise<string[]> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const files: string[] = [];
  for (const size of [TABLET, LAPTOP]) {
    await page.setViewportSize(size);
    await settle();
    const file = path.join(screenshotDir, `${surface}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
  }
  return files;
}
