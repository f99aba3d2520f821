// @vitest-environment jsdom
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { parse } from 'graphql';
import type { Client as SocketClient, Sink } from 'graphql-ws';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, Provider } from 'urql';
import { liveExchange, liveUrl, useLive } from '../../web/src/shared/live.js';

type Changed = { initiativeChanged: { id: string; title: string } };
const CHANGED = parse(
  'subscription ($ids: [ID!]) { initiativeChanged(filter: { ids: $ids }) { id title } }',
) as TypedDocumentNode<Changed, { ids: string[] }>;

/** A socket that records what the exchange asks of it and lets the test push events. */
function fakeSocket() {
  const state = {
    sink: undefined as Sink | undefined,
    payload: undefined as unknown,
    disposed: false,
  };
  const socket = {
    subscribe(payload: unknown, sink: Sink) {
      state.payload = payload;
      state.sink = sink;
      return () => {
        state.disposed = true;
      };
    },
  } as unknown as SocketClient;
  return { socket, state };
}

function Title() {
  const { data, error } = useLive(CHANGED, { ids: ['SW5pdGlhdGl2ZTox'] });
  return createElement(
    'p',
    null,
    error ? `error: ${error.message}` : (data?.initiativeChanged.title ?? 'waiting'),
  );
}

afterEach(cleanup);

describe('live updates in the web client', () => {
  it('connects to the page’s own origin, ws for http and wss for https', () => {
    expect(liveUrl({ protocol: 'http:', host: 'hub.local:8080' })).toBe(
      'ws://hub.local:8080/graphql',
    );
    expect(liveUrl({ protocol: 'https:', host: 'hub.example' })).toBe('wss://hub.example/graphql');
  });

  it('shows what a subscription pushes and closes it when the component goes away', async () => {
    const { socket, state } = fakeSocket();
    const client = new Client({ url: '/graphql', exchanges: [liveExchange(socket)] });
    const view = render(createElement(Provider, { value: client }, createElement(Title)));
    expect(screen.getByText('waiting')).toBeTruthy();
    await waitFor(() => expect(state.sink).toBeDefined());
    expect(state.payload).toMatchObject({ variables: { ids: ['SW5pdGlhdGl2ZTox'] } });
    expect(String((state.payload as { query: string }).query)).toContain('initiativeChanged');

    act(() =>
      state.sink!.next({
        data: { initiativeChanged: { __typename: 'Initiative', id: 'i1', title: 'Moved on' } },
      }),
    );
    expect(await screen.findByText('Moved on')).toBeTruthy();

    expect(state.disposed).toBe(false);
    view.unmount();
    expect(state.disposed).toBe(true);
  });

  it('explains a refused subscription by the server’s message', async () => {
    const { socket, state } = fakeSocket();
    const client = new Client({ url: '/graphql', exchanges: [liveExchange(socket)] });
    render(createElement(Provider, { value: client }, createElement(Title)));
    await waitFor(() => expect(state.sink).toBeDefined());
    act(() =>
      state.sink!.next({
        errors: [
          {
            message: 'Your role may not use initiativeChanged.',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      }),
    );
    expect(await screen.findByText(/Your role may not use initiativeChanged/)).toBeTruthy();
  });
});
