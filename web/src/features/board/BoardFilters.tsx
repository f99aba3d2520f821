import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { useBoardText } from './board.i18n.js';
import type { useBoardFilters } from './useBoardFilters.js';

const BoardFilterOptionsQuery = graphql(`
  query BoardFilterOptions {
    segments(first: 100) {
      nodes {
        id
        name
      }
    }
    users(first: 100, filter: { active: true }) {
      nodes {
        id
        name
      }
    }
    processClasses(first: 100) {
      nodes {
        id
        code
        name
        nameRu
      }
    }
  }
`);

/** Segment, owner, process class and journey stage: each choice rewrites the URL query. */
export function BoardFilters({ filters }: { filters: ReturnType<typeof useBoardFilters> }) {
  const text = useBoardText();
  const { lang } = useI18n();
  const [{ data }] = useQuery({ query: BoardFilterOptionsQuery });
  const { values, set, clear, stages } = filters;
  return (
    <fieldset className="board-filters">
      <legend>{text.board.filters}</legend>
      <label>
        <span>{text.board.segment}</span>
        <select value={values.segment} onChange={(e) => set('segment', e.target.value)}>
          <option value="">{text.board.any}</option>
          {data?.segments.nodes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{text.board.owner}</span>
        <select value={values.owner} onChange={(e) => set('owner', e.target.value)}>
          <option value="">{text.board.any}</option>
          {data?.users.nodes.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{text.board.processClass}</span>
        <select value={values.processClass} onChange={(e) => set('processClass', e.target.value)}>
          <option value="">{text.board.any}</option>
          {data?.processClasses.nodes.map((pc) => (
            <option key={pc.id} value={pc.id}>
              {pc.code} · {lang === 'ru' && pc.nameRu ? pc.nameRu : pc.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{text.board.stage}</span>
        <select value={values.stage} onChange={(e) => set('stage', e.target.value)}>
          <option value="">{text.board.any}</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {text.stage[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={clear}>
        {text.board.clear}
      </button>
    </fieldset>
  );
}
