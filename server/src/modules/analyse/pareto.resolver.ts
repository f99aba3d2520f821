import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { toAnalysisType, toInitiativeType } from '../initiative/initiative.types.js';
import { RunParetoAnalysisInput } from './pareto.inputs.js';
import { ParetoAnalysisService } from './pareto.service.js';
import { ParetoAnalysisRun } from './pareto.types.js';

@Resolver()
export class ParetoAnalysisResolver {
  @Mutation(() => ParetoAnalysisRun, {
    description:
      'Runs the Pareto analysis of a month now (the schedule runs it after each month ends). Idempotent per month: a month analysed before returns that analysis and writes nothing.',
  })
  async runParetoAnalysis(
    @Arg('input', () => RunParetoAnalysisInput) input: RunParetoAnalysisInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ParetoAnalysisRun> {
    const run = await ctx.service(ParetoAnalysisService).run(input.period);
    return Object.assign(new ParetoAnalysisRun(), {
      analysis: toAnalysisType(run.analysis),
      created: run.created,
      proposed: run.proposed.map(toInitiativeType),
    });
  }
}
