import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Debian's Chromium (or CX_CHROMIUM_PATH): we never download a browser build of our own. */
export function chromiumExecutable(): string {
  const executable = process.env.CX_CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
  if (!fs.existsSync(executable)) {
    // Same step as `npm run setup`: apt-get install chromium when root, else one clear sentence.
    const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
    spawnSync(tsx, [path.join(projectRoot, 'server/src/cli/ensure-chromium.ts')], {
      stdio: 'inherit',
    });
  }
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium is missing at ${executable}: run \`npx tsx server/src/cli/ensure-chromium.ts\` as root.`,
    );
  }
  return executable;
}

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page exceptions seen so far, as text. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh profile. Every console error and uncaught exception is
 * collected so tests can assert that the page ran cleanly.
 */
export async function openBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: 'en-GB',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const consoleErrors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error')
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    consoleErrors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
