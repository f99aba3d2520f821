import { SurveyDispatchService } from '../../server/src/modules/survey/survey-dispatch.service.js';
import type {
  InviteAccountInput,
  InviteAccountResult,
  SurveyDispatchInput,
  SurveyDispatchJob,
} from '../contracts/survey.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** Activities of the survey dispatch workflow: the survey module's services, as the workflow. */
export function createSurveyActivities(deps: ActivityDeps) {
  const contextFor = activityContexts(deps);
  return {
    /** Which accounts of which campaigns this run invites (none once a campaign stopped). */
    async planSurveyDispatch(input: SurveyDispatchInput): Promise<SurveyDispatchJob[]> {
      const ctx = contextFor('workflow:survey-dispatch');
      return ctx.service(SurveyDispatchService).plan(input);
    },

    /** Invites one account's contacts; idempotent per run and contact, so Temporal may retry it. */
    async inviteSurveyAccount(input: InviteAccountInput): Promise<InviteAccountResult> {
      const ctx = contextFor(`workflow:survey-dispatch-${input.campaignId}`);
      const result = await ctx.service(SurveyDispatchService).inviteAccount(input);
      deps.log.info('survey invitations', { ...input, ...result });
      return result;
    },
  };
}

export type SurveyActivities = ReturnType<typeof createSurveyActivities>;
