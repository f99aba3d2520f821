import { useI18n } from '../../i18n/i18n.js';
import { useBoardText } from '../board/board.i18n.js';
import type { InitiativeDetail } from './types.js';

/** Targets, and per measure the expected change against the measured one (with its interval). */
export function EffectsSection(props: {
  targets: InitiativeDetail['targets'];
  effects: InitiativeDetail['effects'];
}) {
  const text = useBoardText().initiative;
  const { t, lang } = useI18n();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'auto' });
  const fmt = (value: number | null | undefined) =>
    value === null || value === undefined ? t.common.notGiven : number.format(value);
  const { targets, effects } = props;
  return (
    <section aria-labelledby="effects-heading" className="panel">
      <h2 id="effects-heading">{text.effects}</h2>
      {targets.length === 0 && effects.length === 0 ? (
        <p className="muted">{text.noEffects}</p>
      ) : (
        <>
          {targets.length > 0 && (
            <table>
              <caption>{text.targets}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.measure}</th>
                  <th scope="col">{text.baseline}</th>
                  <th scope="col">{text.targetValue}</th>
                  <th scope="col">{text.expected}</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((target) => (
                  <tr key={target.id}>
                    <td>
                      {target.metric.code} ·{' '}
                      {lang === 'ru' && target.metric.nameRu
                        ? target.metric.nameRu
                        : target.metric.name}
                    </td>
                    <td>{fmt(target.baseline)}</td>
                    <td>{fmt(target.targetValue)}</td>
                    <td>{fmt(target.expectedDelta)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {effects.length > 0 && (
            <table>
              <caption>{text.measured}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.measure}</th>
                  <th scope="col">{text.expected}</th>
                  <th scope="col">{text.measured}</th>
                  <th scope="col">{text.interval}</th>
                  <th scope="col">{text.consistent}</th>
                </tr>
              </thead>
              <tbody>
                {effects.map((e) => (
                  <tr key={e.measure}>
                    <td>
                      {e.measure} ({e.afterFrom} – {e.afterTo})
                      {e.status !== 'ESTIMATED' && (
                        <div className="muted">{text.effectStatus[e.status]}</div>
                      )}
                    </td>
                    <td>{fmt(e.expectedDelta)}</td>
                    <td>{fmt(e.differenceInDifferences)}</td>
                    <td>
                      {e.intervalLow === null || e.intervalLow === undefined
                        ? t.common.notGiven
                        : `${fmt(e.intervalLow)} … ${fmt(e.intervalHigh)}`}
                    </td>
                    <td>
                      {e.expectedWithinInterval === null || e.expectedWithinInterval === undefined
                        ? t.common.notGiven
                        : e.expectedWithinInterval
                          ? text.yes
                          : text.no}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
