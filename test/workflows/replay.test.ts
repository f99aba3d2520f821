import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { quietTemporalLogs, workflowBundle } from '../helpers/workflow-harness.js';

/**
 * Histories recorded by earlier versions of the workflows and committed to the repository
 * (`npm run histories:record` writes new ones). Replaying them against today's code proves
 * that running workflows survive a deploy: a change to workflow logic that is not guarded by
 * `patched()` makes the replay fail with a nondeterminism error.
 */
const dir = path.join(import.meta.dirname, 'histories');
const histories = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

let bundle: WorkflowBundle;
beforeAll(async () => {
  quietTemporalLogs();
  bundle = await workflowBundle();
});

describe('Committed workflow histories', () => {
  it('include the initiative loop, a continued-as-new run and the collect workflow', () => {
    expect(histories).toEqual(
      expect.arrayContaining([
        'collect-feedback.v1.json',
        'initiative-full-loop.v1.json',
        'initiative-continued-as-new.v1.json',
        'initiative-hold-cancel.v1.json',
        'period-monitor-continued-as-new.v1.json',
        // Intake with classification and a case, and the case's clock (reminded, escalated).
        'collect-feedback.v2.json',
        'feedback-case-clock.v1.json',
        // Intake as one local activity (acknowledged, classified, a case opened, its clock started).
        'collect-feedback.v3.json',
      ]),
    );
  });

  it.each(histories)('replay %s deterministically on the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, file),
    ).resolves.toBeUndefined();
  });
});
