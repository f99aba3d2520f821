import path from 'node:path';
import type { Logger } from '../logger.js';
import { temporalCacheBinDir } from './cli-binary.js';
import type { DevServer, DevServerOptions } from './dev-server.js';

/**
 * Fallback when no `temporal` CLI is installed: the Temporal SDK downloads the dev
 * server into the project cache and runs it (needs internet the first time). No pid-file
 * reuse here: the SDK owns the child process.
 */
export async function startSdkDevServer(
  opts: Omit<DevServerOptions, 'cliPath'> & { log: Pick<Logger, 'info' | 'warn'> },
): Promise<DevServer> {
  let testing: typeof import('@temporalio/testing');
  try {
    testing = await import('@temporalio/testing');
  } catch {
    throw new Error(
      'No Temporal CLI found (run `npm run setup`, which builds it with Go, or set TEMPORAL_CLI_PATH) and ' +
        '@temporalio/testing is not installed to download one; alternatively set TEMPORAL_ADDRESS.',
    );
  }
  opts.log.info(
    'No Temporal CLI installed: letting the Temporal SDK download and start the dev server…',
  );
  const started = Date.now();
  try {
    const env = await testing.TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download', downloadDir: path.dirname(temporalCacheBinDir()) },
        ip: '127.0.0.1',
        port: opts.port,
        ui: opts.uiPort > 0,
        ...(opts.uiPort > 0 ? { uiPort: opts.uiPort } : {}),
        dbFilename: path.join(opts.dataDir, 'temporal.sqlite'),
        namespace: opts.namespace,
        log: { format: 'pretty', level: 'warn' },
      },
    });
    opts.log.info(
      `Temporal dev server (SDK download) started in ${Date.now() - started} ms at ${env.address}`,
    );
    return {
      address: env.address,
      uiUrl: opts.uiPort > 0 ? `http://127.0.0.1:${opts.uiPort}` : undefined,
      reused: false,
      stop: () => env.teardown(),
    };
  } catch (err) {
    throw new Error(
      `No Temporal CLI found and the Temporal SDK could not download the dev server (${err instanceof Error ? err.message : String(err)}): ` +
        'install Go 1.23+ and run `npm run setup`, or set TEMPORAL_CLI_PATH to a temporal binary, or set TEMPORAL_ADDRESS.',
      { cause: err },
    );
  }
}
