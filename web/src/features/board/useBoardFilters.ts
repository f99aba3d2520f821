import { useSearchParams } from 'react-router';
import type { InitiativeFilter, JourneyStage } from '../../gql/graphql.js';

const STAGES: readonly JourneyStage[] = ['AWARENESS', 'EVALUATION_AND_DEAL', 'USAGE', 'POST_SALE'];

export interface BoardFilterValues {
  segment: string;
  owner: string;
  processClass: string;
  stage: JourneyStage | '';
}

/** The board's filters live in the URL query (`?segment=…&owner=…&processClass=…&stage=…`): a filtered board is a link. */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const stage = STAGES.find((s) => s === params.get('stage')) ?? '';
  const values: BoardFilterValues = {
    segment: params.get('segment') ?? '',
    owner: params.get('owner') ?? '',
    processClass: params.get('processClass') ?? '',
    stage,
  };
  const filter: InitiativeFilter = {
    ...(values.segment ? { segmentId: values.segment } : {}),
    ...(values.owner ? { ownerId: values.owner } : {}),
    ...(values.processClass ? { processClassId: values.processClass } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
  };
  const set = (key: keyof BoardFilterValues, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { values, filter, set, clear, stages: STAGES };
}
