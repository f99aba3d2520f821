import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      csrfToken
      user {
        id
        name
      }
    }
  }
`);

/** E-mail and password; on success the page starts over as the signed-in user. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, signIn] = useMutation(SignInMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ input: { email, password } });
    if (result.data?.signIn) onSignedIn();
  };

  return (
    <section className="panel sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t.signIn.heading}</h2>
      <form onSubmit={submit}>
        <label>
          {t.signIn.email}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t.signIn.password}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error.graphQLErrors[0]?.message ?? t.signIn.failed}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          {fetching ? t.common.loading : t.signIn.submit}
        </button>
      </form>
    </section>
  );
}
