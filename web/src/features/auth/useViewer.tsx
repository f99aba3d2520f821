import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql/index.js';

const ViewerQuery = graphql(`
  query Viewer {
    me {
      kind
      role
      userId
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Who the page acts as (`anonymous` until signed in), and how to sign out. */
export function useViewer() {
  const [{ data, fetching, error }] = useQuery({
    query: ViewerQuery,
    requestPolicy: 'network-only',
  });
  const [, signOut] = useMutation(SignOutMutation);
  return {
    viewer: data?.me ?? null,
    fetching,
    error,
    signOut: async () => {
      await signOut({});
      window.location.reload();
    },
  };
}
