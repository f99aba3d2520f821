import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import type { RespondentClass } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';
import { keysOf } from '../../shared/hooks.js';
import { ProblemList } from '../../shared/ProblemList.js';

const ContactPickerQuery = graphql(`
  query ContactPicker($accountId: ID!) {
    clientAccount(id: $accountId) {
      id
      contacts {
        id
        name
        respondentClass
      }
    }
  }
`);

export type ContactMode = 'none' | 'known' | 'new';

export interface ContactDraft {
  mode: ContactMode;
  contactId: string;
  name: string;
  email: string;
  position: string;
  respondentClass: RespondentClass | '';
}

export const emptyContact: ContactDraft = {
  mode: 'known',
  contactId: '',
  name: '',
  email: '',
  position: '',
  respondentClass: '',
};

interface Props {
  accountId: string;
  value: ContactDraft;
  onChange(next: ContactDraft): void;
  invalidField: string | undefined;
}

/** Who gave the feedback: nobody known, a contact of the account, or a new person. */
export function ContactFields({ accountId, value, onChange, invalidField }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<ContactDraft>) => onChange({ ...value, ...patch });
  const [{ data, fetching, error }] = useQuery({
    query: ContactPickerQuery,
    variables: { accountId },
    pause: !accountId || value.mode !== 'known',
  });
  const contacts = data?.clientAccount?.contacts ?? [];
  const modes: Record<ContactMode, string> = {
    known: t.submitForm.contactKnown,
    new: t.submitForm.contactNew,
    none: t.submitForm.contactNone,
  };

  return (
    <>
      <fieldset className="field segmented">
        <legend>{t.submitForm.contactMode}</legend>
        {keysOf(modes).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="contact-mode"
              value={mode}
              checked={value.mode === mode}
              onChange={() => set({ mode })}
            />
            {modes[mode]}
          </label>
        ))}
      </fieldset>

      {value.mode === 'new' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor="contact-name">{t.submitForm.contactName}</label>
            <input
              id="contact-name"
              required
              value={value.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="contact-email">{t.submitForm.contactEmail}</label>
            <input
              id="contact-email"
              type="email"
              value={value.email}
              onChange={(e) => set({ email: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="contact-position">{t.submitForm.contactPosition}</label>
            <input
              id="contact-position"
              value={value.position}
              onChange={(e) => set({ position: e.target.value })}
            />
          </div>
        </div>
      )}

      <div className="field-row wide">
        {value.mode === 'known' && (
          <div className="field">
            <label htmlFor="contact">{t.submitForm.contact}</label>
            <select
              id="contact"
              value={value.contactId}
              disabled={!accountId}
              aria-busy={fetching}
              aria-invalid={invalidField === 'contactId' || undefined}
              onChange={(event) => set({ contactId: event.target.value })}
            >
              <option value="">{t.submitForm.chooseContact}</option>
              {contacts.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.name} · {t.respondentClass[contact.respondentClass]}
                </option>
              ))}
            </select>
            {error && <ProblemList error={error} title={t.submitForm.accountsFailed} />}
          </div>
        )}
        <div className="field">
          <label htmlFor="respondent-class">{t.submitForm.respondentClass}</label>
          <select
            id="respondent-class"
            required={value.mode === 'new'}
            value={value.respondentClass}
            aria-invalid={invalidField === 'respondentClass' || undefined}
            onChange={(event) =>
              set({
                respondentClass:
                  keysOf(t.respondentClass).find((c) => c === event.target.value) ?? '',
              })
            }
          >
            <option value="">
              {value.mode === 'known' ? t.submitForm.respondentFromContact : t.common.notGiven}
            </option>
            {keysOf(t.respondentClass).map((cls) => (
              <option key={cls} value={cls}>
                {t.respondentClass[cls]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}
