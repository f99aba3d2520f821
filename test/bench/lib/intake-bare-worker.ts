/**
 * `node --import tsx test/bench/lib/intake-bare-worker.ts <address> <taskQueue>`: the bare worker
 * of scenario 2 (worker options left at the SDK defaults, as the hub's worker leaves them).
 * Prints `ready` once polling; stops on SIGTERM/SIGINT.
 */
import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';

const [address, taskQueue] = process.argv.slice(2);
if (!address || !taskQueue) throw new Error('usage: intake-bare-worker.ts <address> <taskQueue>');

const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  namespace: 'default',
  taskQueue,
  workflowsPath: path.join(import.meta.dirname, 'intake-bare-workflow.ts'),
  activities: { emptyActivity: async () => undefined },
  shutdownGraceTime: '2 seconds',
});
const running = worker.run();
console.log('ready');
await running;
await connection.close();
