import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrm } from '../helpers/db.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';

type Db = Awaited<ReturnType<typeof createTestOrm>>;

/** The real build (`npm run build` runs before the suite in `npm test`). */
const webDist = path.resolve(import.meta.dirname, '../../web/dist');

/** Sources a directive may name without opening the page to another origin. */
const localSources = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);

/** Where a page or script would load from another origin: a CDN, or any absolute http(s) URL. */
const remoteLoad = [
  /\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\//i,
  /\bfrom\s*["'`](?:https?:)?\/\//i,
  /\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//i,
  /new\s+(?:Shared)?Worker\s*\(\s*["'`](?:https?:)?\/\//i,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i,
  /url\(\s*["']?(?:https?:)?\/\//i,
  /unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com/i,
];

/** The hub-relative assets a page or script names: scripts, styles, preloads, chunks, workers. */
function localReferences(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:src|href)\s*=\s*["'](\/[^"'#?]+)["']/g,
    /["'`](\/assets\/[^"'`?#]+)["'`]/g,
    /["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const ref = match[1] ?? '';
      found.add(ref.startsWith('/') ? ref : `/assets/${ref}`);
    }
  }
  return [...found];
}

describe('the GraphQL explorer, served by the hub at /explorer', () => {
  let db: Db;
  const hubs: HttpHub[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const hub = await startHttpHub(db.orm, { CX_WEB_DIST: webDist, ...env });
    hubs.push(hub);
    return hub;
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(webDist, 'explorer.html'))) {
      throw new Error('web/dist/explorer.html is missing: run `npm run build` first');
    }
    db = await createTestOrm('sqlite');
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.close();
    await db?.dispose();
  });

  it('serves the bundled GraphiQL page and every file it loads from the hub itself', async () => {
    const hub = await start();
    const page = await fetch(`${hub.baseUrl}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('id="explorer-root"');
    // Not the app shell: the client-side route fallback must not swallow /explorer.
    expect(html).not.toContain('id="root"');

    const seen = new Set<string>();
    const queue = localReferences(html);
    expect(queue.some((ref) => ref.endsWith('.js'))).toBe(true);
    const texts: [string, string][] = [['/explorer', html]];
    while (queue.length > 0) {
      const ref = queue.shift() ?? '';
      if (seen.has(ref)) continue;
      seen.add(ref);
      const response = await fetch(`${hub.baseUrl}${ref}`);
      expect(response.status, ref).toBe(200);
      if (!/\.(?:js|css)$/.test(ref)) continue;
      const text = await response.text();
      texts.push([ref, text]);
      queue.push(...localReferences(text).filter((next) => !seen.has(next)));
    }
    // The editor's workers are part of what the page loads.
    expect([...seen].some((ref) => /worker.*\.js$/.test(ref))).toBe(true);
    for (const [ref, text] of texts) {
      for (const pattern of remoteLoad)
        expect(pattern.test(text), `${ref}: ${pattern}`).toBe(false);
    }
  });

  it('sends a policy that lets the editor run but names no remote origin', async () => {
    const hub = await start();
    const page = await fetch(`${hub.baseUrl}/explorer`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      for (const source of sources)
        expect(localSources.has(source), `${name} ${source}`).toBe(true);
    }
    // The app shell keeps its stricter policy (no inline style).
    const shell = await fetch(`${hub.baseUrl}/`);
    expect(shell.headers.get('content-security-policy')).toMatch(/style-src 'self'(?:;|$)/);
    expect(shell.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('answers the schema question to a signed-in user, and refuses it with a code when introspection is off', async () => {
    const schemaQuestion = { query: '{ __schema { queryType { name } } }' };
    const open = await start();
    const answered = await open.graphql(schemaQuestion, await open.adminHeaders());
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

    const closed = await start({ CX_INTROSPECTION: 'false' });
    const refused = await closed.graphql(schemaQuestion, await closed.adminHeaders());
    // The explorer shows its "introspection refused" note on exactly this: errors and no data.
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
  });
});
