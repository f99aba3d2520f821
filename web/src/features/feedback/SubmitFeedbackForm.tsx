import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.js';
import type { FeedbackChannel, SubmitFeedbackInput } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';
import { problemsOf } from '../../shared/errors.js';
import { keysOf } from '../../shared/hooks.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { AccountPicker } from './AccountPicker.js';
import { ContactFields, emptyContact, type ContactDraft } from './ContactFields.js';

const SubmitFeedbackMutation = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      duplicate
      feedbackItem {
        id
        status
        ...FeedbackRow_item
      }
    }
  }
`);

const blank = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function toInput(
  accountId: string,
  contact: ContactDraft,
  channel: FeedbackChannel,
  nps: string,
  text: string,
) {
  const input: SubmitFeedbackInput = {
    accountId,
    channel,
    npsScore: nps === '' ? null : Number(nps),
    text: blank(text),
    respondentClass: contact.respondentClass || null,
  };
  if (contact.mode === 'known') input.contactId = blank(contact.contactId);
  if (contact.mode === 'new' && contact.respondentClass) {
    input.contact = {
      name: contact.name.trim(),
      email: blank(contact.email),
      position: blank(contact.position),
      respondentClass: contact.respondentClass,
    };
  }
  return input;
}

/** Records one piece of feedback; the API's typed errors are shown beside the form. */
export function SubmitFeedbackForm() {
  const { t } = useI18n();
  const [accountId, setAccountId] = useState('');
  const [contact, setContact] = useState<ContactDraft>(emptyContact);
  const [channel, setChannel] = useState<FeedbackChannel>('SURVEY');
  const [nps, setNps] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'submitted' | 'duplicate' | null>(null);
  const [{ fetching, error }, submit] = useMutation(SubmitFeedbackMutation);
  const invalidField = error ? problemsOf(error).find((p) => p.field)?.field : undefined;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    const result = await submit({ input: toInput(accountId, contact, channel, nps, text) });
    if (result.data) {
      setOutcome(result.data.submitFeedback.duplicate ? 'duplicate' : 'submitted');
      setNps('');
      setText('');
    }
  };

  return (
    <section className="panel form-panel" aria-labelledby="submit-feedback-heading">
      <h2 id="submit-feedback-heading">{t.submitForm.heading}</h2>
      <form onSubmit={onSubmit}>
        <AccountPicker
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setContact((c) => ({ ...c, contactId: '' }));
          }}
          invalid={invalidField === 'accountId'}
        />
        <ContactFields
          accountId={accountId}
          value={contact}
          onChange={setContact}
          invalidField={invalidField}
        />
        <div className="field-row">
          <div className="field">
            <label htmlFor="channel">{t.submitForm.channel}</label>
            <select
              id="channel"
              value={channel}
              onChange={(event) =>
                setChannel(keysOf(t.channel).find((c) => c === event.target.value) ?? 'SURVEY')
              }
            >
              {keysOf(t.channel).map((c) => (
                <option key={c} value={c}>
                  {t.channel[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-narrow">
            <label htmlFor="nps">{t.submitForm.nps}</label>
            <input
              id="nps"
              type="number"
              inputMode="numeric"
              min={0}
              max={10}
              step={1}
              value={nps}
              aria-invalid={invalidField === 'npsScore' || undefined}
              onChange={(event) => setNps(event.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="feedback-text">{t.submitForm.text}</label>
          <textarea
            id="feedback-text"
            rows={4}
            maxLength={10000}
            value={text}
            aria-invalid={invalidField === 'text' || undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {error && <ProblemList error={error} title={t.submitForm.failed} />}
        {outcome && !error && (
          <p className="success" role="status">
            {outcome === 'duplicate' ? t.submitForm.duplicate : t.submitForm.submitted}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          {fetching ? t.submitForm.submitting : t.submitForm.submit}
        </button>
      </form>
    </section>
  );
}
