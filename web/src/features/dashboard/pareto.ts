/**
 * The causes of a recorded Pareto analysis (`Analysis.result`, JSON written by
 * `server/src/modules/analyse/pareto.service.ts`), read defensively: a cause missing a field is
 * left out rather than drawn wrong.
 */
export interface ParetoCauseView {
  rank: number;
  complaintClass: string;
  processClassCode: string;
  stage: string;
  segmentCode: string;
  count: number;
  share: number;
  cumulativeShare: number;
  vital: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function paretoCauses(
  result: Record<string, unknown> | null | undefined,
): ParetoCauseView[] {
  const causes = result?.causes;
  if (!Array.isArray(causes)) return [];
  return causes.flatMap((cause): ParetoCauseView[] => {
    if (!isRecord(cause)) return [];
    const { rank, complaintClass, processClassCode, stage, segmentCode, count } = cause;
    const { share, cumulativeShare, vital } = cause;
    if (
      typeof rank !== 'number' ||
      typeof complaintClass !== 'string' ||
      typeof processClassCode !== 'string' ||
      typeof stage !== 'string' ||
      typeof segmentCode !== 'string' ||
      typeof count !== 'number' ||
      typeof share !== 'number' ||
      typeof cumulativeShare !== 'number'
    ) {
      return [];
    }
    return [
      {
        rank,
        complaintClass,
        processClassCode,
        stage,
        segmentCode,
        count,
        share,
        cumulativeShare,
        vital: vital === true,
      },
    ];
  });
}

/** One cell of the journey heat map: dissatisfied items of the causes at a stage × process class. */
export interface HeatCell {
  stage: string;
  processClassCode: string;
  count: number;
}

/**
 * The heat map's cells: the Pareto causes' counts (already computed by the server) summed over
 * complaint class and segment for each stage × process class; a display grouping, no new figure.
 */
export function heatCells(causes: ParetoCauseView[]): HeatCell[] {
  const cells = new Map<string, HeatCell>();
  for (const cause of causes) {
    const key = `${cause.stage}\u0000${cause.processClassCode}`;
    const cell = cells.get(key) ?? {
      stage: cause.stage,
      processClassCode: cause.processClassCode,
      count: 0,
    };
    cell.count += cause.count;
    cells.set(key, cell);
  }
  return [...cells.values()];
}
