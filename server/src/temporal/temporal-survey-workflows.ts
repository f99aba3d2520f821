import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client } from '@temporalio/client';
import {
  calendarDispatchWorkflowId,
  SURVEY_DISPATCH_WORKFLOW,
  surveyScheduleId,
  triggerDispatchWorkflowId,
  type SurveyDispatchInput,
} from '../../../workflows/contracts/survey.contract.js';
import {
  unreachableSurveyWorkflows,
  type CampaignSchedule,
  type SurveyWorkflows,
} from '../modules/survey/survey-workflows.port.js';
import { CampaignStatus } from '../modules/survey/survey.enums.js';
import { startOnce } from './start-once.js';

export interface TemporalSurveyWorkflowsOptions {
  taskQueue: string;
  /** Deadline of each call; short, because the reconciler repeats what did not get through. */
  timeoutMs?: number;
}

/** Calendar campaigns as Temporal Schedules; trigger events as one dispatch workflow each. */
export class TemporalSurveyWorkflows implements SurveyWorkflows {
  constructor(
    private readonly client: Client,
    private readonly options: TemporalSurveyWorkflowsOptions,
  ) {}

  async syncSchedule(s: CampaignSchedule): Promise<void> {
    await this.client.withDeadline(Date.now() + (this.options.timeoutMs ?? 5000), async () => {
      if (s.status === CampaignStatus.ACTIVE || s.status === CampaignStatus.PAUSED) {
        await this.upsert(s, s.status === CampaignStatus.PAUSED);
      } else {
        await this.client.schedule
          .getHandle(surveyScheduleId(s.campaignId))
          .delete()
          .catch((err: unknown) => {
            if (!(err instanceof ScheduleNotFoundError)) throw err;
          });
      }
    });
  }

  startTriggerDispatch(triggerEventId: string): Promise<'started' | 'already-started'> {
    const input: SurveyDispatchInput = { triggerEventId };
    return startOnce(this.client, SURVEY_DISPATCH_WORKFLOW, {
      workflowId: triggerDispatchWorkflowId(triggerEventId),
      taskQueue: this.options.taskQueue,
      args: [input],
      timeoutMs: this.options.timeoutMs ?? 3000,
    });
  }

  private async upsert(s: CampaignSchedule, paused: boolean): Promise<void> {
    const input: SurveyDispatchInput = { campaignId: s.campaignId };
    const note = `campaign ${paused ? 'paused' : 'active'}`;
    try {
      await this.client.schedule.create({
        scheduleId: surveyScheduleId(s.campaignId),
        spec: specOf(s),
        action: {
          type: 'startWorkflow',
          workflowType: SURVEY_DISPATCH_WORKFLOW,
          workflowId: calendarDispatchWorkflowId(s.campaignId),
          taskQueue: this.options.taskQueue,
          args: [input],
        },
        // A run still inviting when the next one is due: the next one waits its turn.
        policies: { overlap: 'BUFFER_ONE' },
        state: { paused, note },
      });
      return;
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
    // One update carries the spec and the paused flag: a separate pause could be overtaken by
    // the update, which writes back the whole state it read.
    await this.client.schedule.getHandle(surveyScheduleId(s.campaignId)).update((previous) => ({
      ...previous,
      spec: specOf(s),
      state: { ...previous.state, paused, note },
    }));
  }
}

/** The cron (UTC), limited to the campaign's window. */
function specOf(s: CampaignSchedule) {
  return {
    cronExpressions: [s.cron],
    ...(s.startsAt ? { startAt: s.startsAt } : {}),
    ...(s.endsAt ? { endAt: s.endsAt } : {}),
  };
}

/** The API's survey workflows while Temporal is still being reached: calls fail, the reconciler repeats them. */
export class DeferredSurveyWorkflows implements SurveyWorkflows {
  private target: SurveyWorkflows = unreachableSurveyWorkflows;

  attach(target: SurveyWorkflows): void {
    this.target = target;
  }

  syncSchedule(schedule: CampaignSchedule): Promise<void> {
    return this.target.syncSchedule(schedule);
  }

  startTriggerDispatch(triggerEventId: string): Promise<'started' | 'already-started'> {
    return this.target.startTriggerDispatch(triggerEventId);
  }
}
