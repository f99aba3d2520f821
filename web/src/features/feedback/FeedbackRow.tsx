import { graphql, getFragmentData, type FragmentType } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { StatusBadge } from './StatusBadge.js';

export const FeedbackRowFragment = graphql(`
  fragment FeedbackRow_item on FeedbackItem {
    id
    receivedAt
    channel
    npsScore
    text
    status
    acknowledgedAt
    account {
      id
      name
    }
    contact {
      id
      name
    }
  }
`);

const excerptLength = 120;

function excerpt(text: string): string {
  return text.length > excerptLength ? `${text.slice(0, excerptLength - 1).trimEnd()}…` : text;
}

export function FeedbackRow(props: { item: FragmentType<typeof FeedbackRowFragment> }) {
  const item = getFragmentData(FeedbackRowFragment, props.item);
  const { t, dateTime } = useI18n();
  return (
    <tr data-feedback-id={item.id}>
      <td className="when">
        <time dateTime={item.receivedAt}>{dateTime(item.receivedAt)}</time>
      </td>
      <td>
        <div className="account-name">{item.account.name}</div>
        <div className="muted">{item.contact?.name ?? t.feedbackList.contactless}</div>
      </td>
      <td>{t.channel[item.channel]}</td>
      <td className="numeric">{item.npsScore ?? t.common.notGiven}</td>
      <td className="feedback-text" title={item.text ?? undefined}>
        {item.text ? excerpt(item.text) : t.common.notGiven}
      </td>
      <td>
        <StatusBadge status={item.status} />
        {item.acknowledgedAt && (
          <div className="muted when">
            <time dateTime={item.acknowledgedAt} title={t.feedbackList.acknowledged}>
              {dateTime(item.acknowledgedAt)}
            </time>
          </div>
        )}
      </td>
    </tr>
  );
}
