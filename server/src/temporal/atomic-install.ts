import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Installs a file by producing it in a scratch directory beside `target` and renaming it into
 * place: the rename is atomic on one file system, so an interrupted or failing step never leaves
 * a half-written tool at `target` (a previous `target` stays untouched until the rename). The
 * scratch directory is always removed. `produce` returns the path of the finished file, which
 * must lie inside the scratch directory.
 */
export async function installAtomically(
  target: string,
  produce: (scratch: string) => Promise<string> | string,
): Promise<string> {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const scratch = path.join(
    dir,
    `.${path.basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  fs.mkdirSync(scratch);
  try {
    const finished = await produce(scratch);
    fs.renameSync(finished, target);
    return target;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes a small text file atomically (scratch file + rename), e.g. a wrapper script. */
export function writeFileAtomically(target: string, content: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.writeFileSync(partial, content, { mode });
    // writeFileSync's mode is masked by the umask; the wrapper must be executable regardless.
    fs.chmodSync(partial, mode);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
