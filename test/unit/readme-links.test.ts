import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
/** Markdown links and images outside code blocks: `[text](target)` / `![alt](target)`. */
const targets = readme
  .replace(/```[\s\S]*?```/g, '')
  .replace(/`[^`\n]*`/g, '')
  .matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g);
const links = [...targets].map((m) => m[1]!);

it('links only to places inside the repository, and every linked file exists', () => {
  expect(links.length).toBeGreaterThan(0);
  const outside = links.filter((l) => /^[a-z][a-z0-9+.-]*:/i.test(l) || l.startsWith('//'));
  expect(outside).toEqual([]);
  const missing = links
    .filter((l) => !l.startsWith('#'))
    .map((l) => decodeURIComponent(l.split('#')[0]!))
    .filter((file) => !fs.existsSync(path.join(root, file)));
  expect(missing).toEqual([]);
});

it('shows a screenshot of every web surface the issue names', () => {
  const images = links.filter((l) => l.startsWith('docs/screenshots/'));
  for (const surface of ['board', 'dashboard', 'inbox', 'council', 'explorer']) {
    expect(images.some((i) => i.includes(`/${surface}-`))).toBe(true);
  }
});
