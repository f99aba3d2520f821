import { useI18n } from '../../i18n/i18n.js';
import { useBoardText } from '../board/board.i18n.js';
import type { InitiativeDetail } from './types.js';

/** The analysis (Pareto or other) and the feedback the initiative came from. */
export function EvidenceSection(props: {
  analysis: InitiativeDetail['analysis'];
  feedback: InitiativeDetail['feedback'];
}) {
  const text = useBoardText().initiative;
  const { t, dateTime } = useI18n();
  const { analysis, feedback } = props;
  return (
    <section aria-labelledby="evidence-heading" className="panel">
      <h2 id="evidence-heading">{text.evidence}</h2>
      <h3>{text.analysis}</h3>
      {analysis ? (
        <p>
          <strong>{analysis.title}</strong> ({analysis.kind}
          {analysis.periodFrom ? `, ${analysis.periodFrom} – ${analysis.periodTo ?? ''}` : ''})
          {analysis.summary ? <> — {analysis.summary}</> : null}
        </p>
      ) : (
        <p className="muted">{text.noAnalysis}</p>
      )}
      <h3>{text.feedback}</h3>
      {feedback.length === 0 ? (
        <p className="muted">{text.noFeedback}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.feedbackList.received}</th>
              <th scope="col">{t.feedbackList.account}</th>
              <th scope="col">{t.feedbackList.channel}</th>
              <th scope="col">{t.feedbackList.nps}</th>
              <th scope="col">{t.feedbackList.text}</th>
            </tr>
          </thead>
          <tbody>
            {feedback.map((f) => (
              <tr key={f.id}>
                <td>{dateTime(f.receivedAt)}</td>
                <td>{f.account.name}</td>
                <td>{t.channel[f.channel]}</td>
                <td>{f.npsScore ?? t.common.notGiven}</td>
                <td>{f.text ?? t.common.notGiven}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
