import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { useDebounced } from '../../shared/hooks.js';
import { ProblemList } from '../../shared/ProblemList.js';

const AccountPickerQuery = graphql(`
  query AccountPicker($search: String) {
    clientAccounts(first: 50, filter: { search: $search }) {
      nodes {
        id
        name
      }
    }
  }
`);

interface Props {
  value: string;
  onChange(accountId: string): void;
  invalid: boolean;
}

/** A search box narrowing a select of accounts: keyboard-usable without a custom combobox. */
export function AccountPicker({ value, onChange, invalid }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [{ data, fetching, error }] = useQuery({
    query: AccountPickerQuery,
    variables: { search: settled || null },
  });
  const accounts = data?.clientAccounts.nodes ?? [];

  return (
    <div className="field-row wide">
      <div className="field">
        <label htmlFor="account-search">{t.submitForm.accountSearch}</label>
        <input
          id="account-search"
          type="search"
          value={search}
          placeholder={t.submitForm.accountSearchHint}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="account">{t.submitForm.account}</label>
        <select
          id="account"
          required
          value={value}
          aria-invalid={invalid || undefined}
          aria-busy={fetching}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">
            {!data && fetching ? t.common.loading : t.submitForm.chooseAccount}
          </option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
        {data && accounts.length === 0 && <p className="hint">{t.submitForm.noAccounts}</p>}
        {error && <ProblemList error={error} title={t.submitForm.accountsFailed} />}
      </div>
    </div>
  );
}
