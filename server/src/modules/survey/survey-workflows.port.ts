import type { CampaignStatus } from './survey.enums.js';

/** What a calendar campaign's Temporal Schedule is made from. */
export interface CampaignSchedule {
  campaignId: string;
  cron: string;
  status: CampaignStatus;
  /** The campaign's window: the schedule fires only inside it. */
  startsAt?: Date | null;
  endsAt?: Date | null;
}

/**
 * The survey module's door to Temporal (implemented in server/src/temporal/): calendar
 * campaigns' Schedules and the dispatch of trigger events. Both calls are idempotent; callers
 * make them after their transaction commits, and the reconciler repeats what failed.
 */
export interface SurveyWorkflows {
  /**
   * Brings the campaign's Schedule in line with its status: ACTIVE creates it (or updates its
   * cron and resumes it), PAUSED pauses it, FINISHED and DRAFT delete it.
   */
  syncSchedule(schedule: CampaignSchedule): Promise<void>;
  /** Starts the dispatch workflow of a recorded trigger event (once per event, ever). */
  startTriggerDispatch(triggerEventId: string): Promise<'started' | 'already-started'>;
}

/** For contexts without Temporal: every call fails, so the reconciler does it later. */
export const unreachableSurveyWorkflows: SurveyWorkflows = {
  syncSchedule: () => Promise.reject(new Error('Survey workflows are not connected here.')),
  startTriggerDispatch: () => Promise.reject(new Error('Survey workflows are not connected here.')),
};
