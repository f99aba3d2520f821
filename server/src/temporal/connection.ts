import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { HubConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { findTemporalCli } from './cli-binary.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { startSdkDevServer } from './sdk-dev-server.js';

/** The hub's link to Temporal: a client for starting workflows and a connection for the worker. */
export interface TemporalConnection {
  /** For `createWorker`. */
  connection: NativeConnection;
  /** For starting workflows (`TemporalCollectStarter`). */
  client: Client;
  address: string;
  namespace: string;
  /** Web UI of the embedded dev server; undefined for an external cluster. */
  uiUrl: string | undefined;
  /** True when this process runs (or adopted) the embedded dev server. */
  embedded: boolean;
  /** Closes both connections, then stops the embedded server if this process owns it. */
  close(): Promise<void>;
}

type Log = Pick<Logger, 'info' | 'warn'>;

/**
 * TEMPORAL_ADDRESS set → that cluster; unset → the embedded dev server (the `temporal` CLI
 * when installed, else one the SDK downloads), its state kept in `config.dataDir`.
 */
export async function connectTemporal(
  config: Pick<
    HubConfig,
    | 'temporalAddress'
    | 'temporalNamespace'
    | 'temporalCliPath'
    | 'dataDir'
    | 'temporalDevPort'
    | 'temporalUiPort'
  >,
  log: Log,
): Promise<TemporalConnection> {
  let server: DevServer | undefined;
  let address = config.temporalAddress;
  if (!address) {
    const cliPath = findTemporalCli({ explicitPath: config.temporalCliPath });
    const serverOpts = {
      dataDir: config.dataDir,
      port: config.temporalDevPort,
      uiPort: config.temporalUiPort,
      namespace: config.temporalNamespace,
      log,
    };
    server = cliPath
      ? await startDevServer({ ...serverOpts, cliPath })
      : await startSdkDevServer(serverOpts);
    address = server.address;
  }
  try {
    const connection = await NativeConnection.connect({ address });
    const clientConnection = await Connection.connect({ address, connectTimeout: 5000 });
    const client = new Client({
      connection: clientConnection,
      namespace: config.temporalNamespace,
    });
    log.info(
      `Temporal: ${address} (namespace ${config.temporalNamespace}${server ? ', embedded' : ''})`,
    );
    return {
      connection,
      client,
      address,
      namespace: config.temporalNamespace,
      uiUrl: server?.uiUrl,
      embedded: server !== undefined,
      close: async () => {
        await clientConnection.close().catch(() => undefined);
        await connection.close().catch(() => undefined);
        await server?.stop();
      },
    };
  } catch (err) {
    await server?.stop();
    throw new Error(
      `Cannot reach Temporal at ${address}: ${err instanceof Error ? err.message : String(err)}` +
        (server ? '' : ' (check TEMPORAL_ADDRESS, or unset it to use the embedded dev server)'),
      { cause: err },
    );
  }
}
