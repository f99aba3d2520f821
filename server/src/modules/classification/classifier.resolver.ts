import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { RetrainClassifierInput } from './classifier.inputs.js';
import { versionName } from './statistical-classifier.js';
import { builtInVersion, ClassifierService } from './classifier.service.js';
import {
  ClassificationCorrectionConnection,
  ClassifierModelType,
  RetrainClassifierPayload,
  toBuiltInType,
  toClassifierModelType,
  toCorrectionType,
} from './classifier.types.js';

@Resolver(() => ClassifierModelType)
export class ClassifierResolver {
  @Mutation(() => RetrainClassifierPayload, {
    description:
      'Train a new classifier version on the corpus and staff corrections, score it on the held-out set, and make it current if it is not worse (or if forced).',
  })
  async retrainClassifier(
    @Arg('input', () => RetrainClassifierInput, { nullable: true })
    input: RetrainClassifierInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RetrainClassifierPayload> {
    const { model, promoted } = await ctx.service(ClassifierService).retrain(input ?? {});
    return Object.assign(new RetrainClassifierPayload(), {
      model: toClassifierModelType(model),
      promoted,
    });
  }

  @Query(() => [ClassifierModelType], {
    description: 'Classifier versions, newest first, ending with the corpus-only nb-0.',
  })
  async classifierModels(@Ctx() ctx: RequestContext): Promise<ClassifierModelType[]> {
    const service = ctx.service(ClassifierService);
    const [stored, reviews] = [await service.models(), await service.reviews()];
    const anyCurrent = stored.some((m) => m.current);
    return [
      ...stored.map((m) => toClassifierModelType(m, reviews.get(versionName(m.number)))),
      toBuiltInType(builtInVersion(), !anyCurrent, reviews.get(versionName(0))),
    ];
  }

  @Query(() => ClassificationCorrectionConnection, {
    description: 'Staff corrections of classifier labels, newest first.',
  })
  async classificationCorrections(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ClassificationCorrectionConnection> {
    return mapPage(await ctx.service(ClassifierService).corrections(args), toCorrectionType);
  }
}
