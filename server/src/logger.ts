import type { HubConfig } from './config.js';

/** Where the hub writes what happened; the API, the worker and tests each provide one. */
export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

const order = { debug: 10, info: 20, warn: 30, error: 40 } as const;

/** Plain, greppable log lines on stderr (stdout is kept for the start-up banner). */
export function createLogger(level: HubConfig['logLevel']): Logger {
  const write = (lvl: keyof typeof order, message: string, extra?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    const suffix = extra && Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${message}${suffix}\n`);
  };
  return {
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
