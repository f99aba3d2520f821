import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { useCasesText } from './cases.i18n.js';
import { SlaClock, useNow } from './SlaClock.js';
import './cases.css';

const CaseDetailQuery = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      status
      reason
      complaintClass
      openedAt
      slaHours
      responseDueAt
      responseClock
      firstResponseAt
      resolvedAt
      remindedAt
      escalatedAt
      timeToFirstResponseHours
      timeToResolutionHours
      resolutionNote
      specialRequirementInPlay
      specialRequirement {
        id
        title
        description
        status
      }
      processClass {
        id
        code
        name
        nameRu
      }
      account {
        id
        name
        segment {
          id
          name
        }
      }
      department {
        id
        name
      }
      owner {
        id
        name
      }
      feedback {
        id
        text
        receivedAt
        channel
        npsScore
        csiScore
        cesScore
      }
    }
  }
`);

/** One case: the feedback it answers, the account, a special requirement in play, and its times. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const text = useCasesText();
  const { t, lang, dateTime } = useI18n();
  const now = useNow();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseDetailQuery,
    variables: { id },
  });
  const back = (
    <p>
      <Link to="/cases">← {text.detail.back}</Link>
    </p>
  );
  if (error && !data) {
    return (
      <div className="case-page">
        {back}
        <ProblemList error={error} title={text.detail.loadFailed} />
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t.common.retry}
        </button>
      </div>
    );
  }
  if (!data) return <p aria-busy="true">{fetching ? t.common.loading : ''}</p>;
  const c = data.case;
  if (!c) {
    return (
      <div className="case-page">
        {back}
        <p className="empty-state">{text.detail.notFound}</p>
      </div>
    );
  }
  const hours = (h: number | null | undefined) =>
    h == null
      ? text.detail.notYet
      : new Intl.NumberFormat(lang, {
          style: 'unit',
          unit: 'hour',
          unitDisplay: 'long',
          maximumFractionDigits: 1,
        }).format(h);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const f = c.feedback;
  const scores = [
    f?.npsScore != null ? `NPS ${number.format(f.npsScore)}` : null,
    f?.csiScore != null ? `CSI ${number.format(f.csiScore)}` : null,
    f?.cesScore != null ? `CES ${number.format(f.cesScore)}` : null,
  ].filter(Boolean);
  const pc = c.processClass;
  const requirement = c.specialRequirement;
  return (
    <article className="case-page">
      {back}
      <h1>{text.detail.heading(c.account?.name ?? dateTime(c.openedAt))}</h1>
      <p>
        <SlaClock facts={c} now={now} />
      </p>
      <dl className="facts" aria-label={text.detail.facts}>
        <dt>{text.list.status}</dt>
        <dd>{text.status[c.status]}</dd>
        <dt>{text.list.reason}</dt>
        <dd>{text.reason[c.reason]}</dd>
        <dt>{text.detail.complaintClass}</dt>
        <dd>{c.complaintClass ? text.complaintClass[c.complaintClass] : t.common.notGiven}</dd>
        <dt>{text.detail.processClass}</dt>
        <dd>
          {pc
            ? `${pc.code} · ${lang === 'ru' && pc.nameRu ? pc.nameRu : pc.name}`
            : t.common.notGiven}
        </dd>
        <dt>{text.detail.account}</dt>
        <dd>{c.account?.name ?? t.common.notGiven}</dd>
        <dt>{text.detail.segment}</dt>
        <dd>{c.account?.segment.name ?? t.common.notGiven}</dd>
        <dt>{text.list.department}</dt>
        <dd>{c.department?.name ?? text.list.noDepartment}</dd>
        <dt>{text.list.owner}</dt>
        <dd>{c.owner?.name ?? text.list.noOwner}</dd>
        <dt>{text.list.escalation}</dt>
        <dd>
          {c.escalatedAt
            ? `${text.list.escalated} ${dateTime(c.escalatedAt)}`
            : c.remindedAt
              ? `${text.list.reminded} ${dateTime(c.remindedAt)}`
              : text.list.noEscalation}
        </dd>
      </dl>
      {c.specialRequirementInPlay && (
        <section className="requirement-note" aria-labelledby="case-requirement">
          <h2 id="case-requirement">{text.detail.requirement}</h2>
          {requirement && (
            <p>
              <strong>{requirement.title}</strong> ({text.requirementStatus[requirement.status]})
              {requirement.description ? ` — ${requirement.description}` : ''}
            </p>
          )}
          <p>{text.detail.requirementNote}</p>
        </section>
      )}
      <section aria-labelledby="case-feedback">
        <h2 id="case-feedback">{text.detail.feedback}</h2>
        {f ? (
          <>
            {f.text ? (
              <blockquote>{f.text}</blockquote>
            ) : (
              <p className="muted">{text.detail.noText}</p>
            )}
            <dl className="facts">
              <dt>{text.detail.received}</dt>
              <dd>{dateTime(f.receivedAt)}</dd>
              <dt>{text.detail.channel}</dt>
              <dd>{t.channel[f.channel]}</dd>
              <dt>{text.detail.scores}</dt>
              <dd>{scores.length > 0 ? scores.join(' · ') : t.common.notGiven}</dd>
            </dl>
          </>
        ) : (
          <p className="muted">{t.common.notGiven}</p>
        )}
      </section>
      <section aria-labelledby="case-times">
        <h2 id="case-times">{text.detail.times}</h2>
        <dl className="facts">
          <dt>{text.list.opened}</dt>
          <dd>{dateTime(c.openedAt)}</dd>
          <dt>{text.detail.sla}</dt>
          <dd>{hours(c.slaHours)}</dd>
          <dt>{text.list.clock}</dt>
          <dd>{dateTime(c.responseDueAt)}</dd>
          <dt>{text.detail.firstResponse}</dt>
          <dd>{c.firstResponseAt ? dateTime(c.firstResponseAt) : text.detail.notYet}</dd>
          <dt>{text.detail.timeToFirstResponse}</dt>
          <dd>{hours(c.timeToFirstResponseHours)}</dd>
          <dt>{text.detail.resolution}</dt>
          <dd>{c.resolvedAt ? dateTime(c.resolvedAt) : text.detail.notYet}</dd>
          <dt>{text.detail.timeToResolution}</dt>
          <dd>{hours(c.timeToResolutionHours)}</dd>
        </dl>
        {c.resolutionNote && (
          <>
            <h3>{text.detail.resolutionNote}</h3>
            <blockquote>{c.resolutionNote}</blockquote>
          </>
        )}
      </section>
    </article>
  );
}
