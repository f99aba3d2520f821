import { useI18n } from '../../i18n/i18n.js';
import { relativeTime } from '../../shared/when.js';

/** A date both ways: relative ("in 2 days") for reading, absolute on the `<time>` for detail. */
export function When({ iso, now }: { iso: string; now: Date }) {
  const { lang, dateTime } = useI18n();
  return (
    <time dateTime={iso} title={dateTime(iso)}>
      {relativeTime(iso, now, lang)} <span className="muted">({dateTime(iso)})</span>
    </time>
  );
}
