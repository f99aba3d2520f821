import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql/index.js';
import type { BoardColumn } from './board.i18n.js';

const MoveInitiativeMutation = graphql(`
  mutation MoveInitiative($id: ID!, $processGroup: ProcessGroup!, $brief: String) {
    moveInitiative(id: $id, processGroup: $processGroup, brief: $brief) {
      id
      processGroup
      status
      revision
    }
  }
`);

const CloseInitiativeMutation = graphql(`
  mutation CloseInitiative($id: ID!) {
    closeInitiative(id: $id) {
      id
      processGroup
      status
      closedAt
    }
  }
`);

/**
 * Moving a card is the API's lifecycle command for that move: `closeInitiative` into CLOSED,
 * `moveInitiative` into a process group. The server decides; its refusal comes back as the error.
 */
export function useMoveInitiative() {
  const [moveState, move] = useMutation(MoveInitiativeMutation);
  const [closeState, close] = useMutation(CloseInitiativeMutation);
  return {
    fetching: moveState.fetching || closeState.fetching,
    moveTo: async (
      id: string,
      column: BoardColumn,
      brief?: string,
    ): Promise<CombinedError | undefined> => {
      const result =
        column === 'CLOSED'
          ? await close({ id })
          : await move({ id, processGroup: column, brief: brief || null });
      return result.error;
    },
  };
}
