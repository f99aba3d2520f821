import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  installAtomically,
  writeFileAtomically,
} from '../../server/src/temporal/atomic-install.js';

let dir: string;

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function freshDir(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-atomic-'));
  return dir;
}

describe('Installing a tool atomically', () => {
  it('renames the finished file onto the target and removes the scratch directory', async () => {
    const target = path.join(freshDir(), 'bin', 'tool');
    await installAtomically(target, (scratch) => {
      const built = path.join(scratch, 'tool');
      fs.writeFileSync(built, 'new');
      return built;
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['tool']);
  });

  it('leaves no target and no scratch behind when a step fails halfway', async () => {
    const target = path.join(freshDir(), 'bin', 'tool');
    await expect(
      installAtomically(target, (scratch) => {
        fs.writeFileSync(path.join(scratch, 'tool'), 'half of a binary');
        throw new Error('extracting failed');
      }),
    ).rejects.toThrow('extracting failed');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('keeps the previous tool untouched when replacing it fails', async () => {
    const target = path.join(freshDir(), 'tool');
    fs.writeFileSync(target, 'old');
    await expect(
      installAtomically(target, () => Promise.reject(new Error('download failed'))),
    ).rejects.toThrow('download failed');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['tool']);
  });

  it('writes a wrapper script executable whatever the umask, with no partial file left', () => {
    const target = path.join(freshDir(), 'wrapper');
    const previous = process.umask(0o077);
    try {
      writeFileAtomically(target, '#!/bin/sh\n', 0o755);
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(target).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(dir)).toEqual(['wrapper']);
  });
});
