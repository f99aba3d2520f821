import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export type Env = NodeJS.ProcessEnv;

/**
 * `${XDG_CACHE_HOME:-~/.cache}/cx-ops-hub`: tools provisioned by `npm run setup` live here,
 * outside the clone, so every clone and CI run on the machine reuses them.
 */
export function projectCacheDir(env: Env = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'cx-ops-hub');
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * One line of a tool's output that says why it failed: the first error line pip (`ERROR: …`) or
 * mvn (`[ERROR] …`) printed, else the last non-empty line. Colour codes are stripped.
 */
export function reasonLine(output: string | undefined): string {
  const lines = stripVTControlCharacters(output ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /^(ERROR:|\[ERROR\])\s*\S/.test(line));
  return (error ?? lines.at(-1) ?? '').replace(/^(ERROR:|\[ERROR\])\s*/, '');
}
