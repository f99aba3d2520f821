import { useId, useState } from 'react';
import type { CouncilInitiativeFieldsFragment } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';
import { When } from '../inbox/Due.js';
import { useCouncilText } from './council.i18n.js';

type Message = CouncilInitiativeFieldsFragment['notifications'][number];

/** How many milestones show before "Show all". */
const LATEST = 3;

/**
 * "You said, we did", one line per milestone rather than per message: the hub writes one message
 * per contact of every affected account, so a milestone is told many times in the same words.
 * Each line names the accounts told and holds one of its messages (in the viewer's language when
 * there is one) behind "Read the message". The latest three show; the rest on request.
 */
export function CouncilMessages(props: { notifications: readonly Message[]; now: Date }) {
  const text = useCouncilText();
  const { lang } = useI18n();
  const ids = useId();
  const [all, setAll] = useState(false);
  const milestones = byMilestone(props.notifications);
  if (milestones.length === 0) return <p className="muted">{text.noMessages}</p>;
  const shown = all ? milestones : milestones.slice(0, LATEST);
  return (
    <>
      <ul className="council-messages" id={`${ids}-list`}>
        {shown.map((m) => {
          const message = m.messages.find((n) => n.locale.startsWith(lang)) ?? m.messages[0]!;
          const accounts = [...new Map(m.messages.map((n) => [n.account.id, n.account])).values()];
          return (
            <li key={m.key}>
              <p>
                {message.milestone && (
                  <span className="badge">{text.milestone[message.milestone]}</span>
                )}{' '}
                <strong>{message.subject}</strong> · {text.accountsTold(accounts.length, lang)} ·{' '}
                <When iso={m.at} now={props.now} />
              </p>
              <p className="muted">{accounts.map((a) => a.name).join(', ')}</p>
              <details>
                <summary>{text.readMessage}</summary>
                <p className="council-message-body">{message.body}</p>
              </details>
            </li>
          );
        })}
      </ul>
      {milestones.length > LATEST && (
        <button type="button" aria-controls={`${ids}-list`} onClick={() => setAll((a) => !a)}>
          {all ? text.showLatest(LATEST) : text.showAllMilestones(milestones.length)}
        </button>
      )}
    </>
  );
}

/**
 * The messages of one announcement: the hub writes every message of a milestone in one go, with
 * one creation time, so milestone and creation time name it. Newest first.
 */
function byMilestone(notifications: readonly Message[]) {
  const groups = new Map<string, { key: string; at: string; messages: Message[] }>();
  for (const n of notifications) {
    if (n.kind !== 'INITIATIVE_PROGRESS') continue;
    const key = `${n.milestone ?? ''}@${n.createdAt}`;
    const group = groups.get(key) ?? { key, at: n.createdAt, messages: [] };
    group.messages.push(n);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
