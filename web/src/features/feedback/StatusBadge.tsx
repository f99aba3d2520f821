import type { FeedbackStatus } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';

export function StatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      {t.feedbackStatus[status]}
    </span>
  );
}
