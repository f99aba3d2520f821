import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { InboundEvent } from '../../server/src/modules/inbound/inbound-event.entity.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  deliver,
  FIXTURE_MAPPING,
  formbricksFixture,
  newFormbricksSecret,
  type FormbricksBody,
} from '../helpers/formbricks.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';
import { createFormbricksWorld, type FormbricksWorld } from '../fixtures/formbricks-world.js';

const secret = newFormbricksSecret();

/** The fixture answered by `world`'s contact, with a response id of its own. */
const responseOf = (world: FormbricksWorld, change: (b: FormbricksBody) => void = () => {}) =>
  formbricksFixture((body) => {
    body.data.id = `cm${randomUUID().replaceAll('-', '').slice(0, 23)}`;
    body.data.data.email = world.email;
    body.data.data.accountExternalId = world.accountExternalId;
    change(body);
  });

describeEachDatabase('The Formbricks webhook', (getOrm) => {
  let hub: HttpHub;
  let world: FormbricksWorld;
  let admin: Record<string, string>;

  beforeAll(async () => {
    hub = await startHttpHub(getOrm(), {
      CX_FORMBRICKS_SECRET: secret,
      CX_FORMBRICKS_MAPPING: FIXTURE_MAPPING,
    });
    world = await createFormbricksWorld(getOrm());
    admin = await hub.adminHeaders();
  });
  afterAll(() => hub?.close());

  const itemsOf = (responseId: string) =>
    getOrm()
      .em.fork()
      .find(FeedbackItem, { externalId: `formbricks:${responseId}` });

  it('turns a signed response into one feedback item of the respondent, scaled by the mapping', async () => {
    const body = responseOf(world);
    const { status, json } = await deliver(hub.baseUrl, secret, body);
    expect(status).toBe(201);
    const [item, ...more] = await itemsOf(body.data.id);
    expect(more).toEqual([]);
    expect(json).toEqual({
      outcome: 'CREATED',
      feedbackItemId: toGlobalId('FeedbackItem', item!.id),
    });
    expect(item).toMatchObject({
      npsScore: 4,
      csiScore: 40,
      text: 'Invoices arrive after the goods; accounting cannot close the month.',
      language: 'en',
      channel: 'SURVEY',
      receivedAt: new Date('2026-11-30T09:41:12.000Z'),
    });
    expect([item!.account.id, item!.contact?.id]).toEqual([world.accountId, world.contactId]);
  });

  it('keeps one item when created, updated and finished arrive, filling answers given later', async () => {
    const finished = responseOf(world);
    const created = responseOf(world, (b) => {
      b.event = 'responseCreated';
      b.data.id = finished.data.id;
      b.data.finished = false;
      b.data.data = {
        ...b.data.data,
        m9w3xk2p5qtr8ceu6ydh1vsn: undefined,
        s4c8ne1vq7bx3kzr0htm6yjw: undefined,
      };
    });
    expect((await deliver(hub.baseUrl, secret, created)).json.outcome).toBe('CREATED');
    expect((await deliver(hub.baseUrl, secret, finished)).json.outcome).toBe('COMPLETED');
    expect((await deliver(hub.baseUrl, secret, finished)).json.outcome).toBe('DUPLICATE');
    const items = await itemsOf(finished.data.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ npsScore: 4, csiScore: 40 });
    expect(items[0]!.text).toContain('Invoices arrive');
  });

  it('waits for answers when a response starts without any mapped answer', async () => {
    const body = responseOf(world, (b) => {
      b.event = 'responseCreated';
      b.data.finished = false;
      b.data.data = { email: world.email };
    });
    expect(await deliver(hub.baseUrl, secret, body)).toEqual({
      status: 200,
      json: { outcome: 'WAITING' },
    });
    expect(await itemsOf(body.data.id)).toEqual([]);
  });

  it('refuses a wrong signature, another secret and an old timestamp with 401, writing nothing', async () => {
    const body = responseOf(world);
    const wrong = [
      await deliver(hub.baseUrl, secret, body, {
        signature: 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      }),
      await deliver(hub.baseUrl, newFormbricksSecret(), body),
      await deliver(hub.baseUrl, secret, body, { at: new Date(Date.now() - 10 * 60_000) }),
    ];
    for (const { status, json } of wrong) {
      expect(status).toBe(401);
      expect(json).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_SIGNATURE' } }],
      });
    }
    expect(await itemsOf(body.data.id)).toEqual([]);
    const kept = await getOrm().em.fork().count(InboundEvent, { externalId: body.data.id });
    expect(kept).toBe(0);
  });

  it('answers a body that is signed but no response event with 400 BAD_PAYLOAD', async () => {
    const { status, json } = await deliver(hub.baseUrl, secret, {
      event: 'surveyDeleted',
      data: {},
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_PAYLOAD' } }],
    });
  });

  it('answers Formbricks’ endpoint test without storing anything', async () => {
    const response = await fetch(`${hub.baseUrl}/integrations/formbricks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'testEndpoint' }),
    });
    expect([response.status, await response.json()]).toEqual([200, { outcome: 'TEST' }]);
  });

  it('keeps an unmappable response, lists it, and makes it feedback when a person names the account', async () => {
    const body = responseOf(world, (b) => {
      b.data.data.email = 'nobody@unknown.example';
      delete b.data.data.accountExternalId;
    });
    const first = await deliver(hub.baseUrl, secret, body);
    const again = await deliver(hub.baseUrl, secret, body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ outcome: 'UNRESOLVED' });
    expect(again.json).toEqual(first.json);
    expect(await itemsOf(body.data.id)).toEqual([]);

    const listed = await hub.graphql(
      {
        query: `{ inboundEvents(first: 10, filter: { status: UNRESOLVED }) {
          totalCount nodes { id externalId eventType reason status payload } } }`,
      },
      admin,
    );
    interface Listed {
      id: string;
      externalId: string;
      payload: string;
    }
    const page = (listed.body.data as { inboundEvents: { nodes: Listed[] } }).inboundEvents;
    const event = page.nodes.find((n) => n.externalId === body.data.id)!;
    expect(event).toMatchObject({
      id: first.json.inboundEventId,
      eventType: 'responseFinished',
      status: 'UNRESOLVED',
      reason: 'No contact has the e-mail nobody@unknown.example.',
    });
    expect(JSON.parse(event.payload)).toEqual(body);
    const node = await hub.graphql(
      {
        query: `query ($id: ID!) { node(id: $id) { ... on InboundEvent { externalId status } } }`,
        variables: { id: event.id },
      },
      admin,
    );
    expect(node.body.data).toEqual({ node: { externalId: body.data.id, status: 'UNRESOLVED' } });

    const RESOLVE = `mutation ($input: ResolveInboundEventInput!) {
      resolveInboundEvent(input: $input) { status resolvedBy feedbackItem { npsScore text account { id } } } }`;
    const input = { id: event.id, accountId: toGlobalId('ClientAccount', world.accountId) };
    const resolved = await hub.graphql({ query: RESOLVE, variables: { input } }, admin);
    expect(resolved.body.errors).toBeUndefined();
    expect(resolved.body.data).toMatchObject({
      resolveInboundEvent: {
        status: 'RESOLVED',
        resolvedBy: expect.stringMatching(/^user:/),
        feedbackItem: { npsScore: 4, account: { id: input.accountId } },
      },
    });
    expect(await itemsOf(body.data.id)).toHaveLength(1);

    const twice = await hub.graphql({ query: RESOLVE, variables: { input } }, admin);
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_RESOLVED',
    });
    // A later delivery of the same response finds the item: no second one, nothing kept again.
    expect((await deliver(hub.baseUrl, secret, body)).json.outcome).toBe('DUPLICATE');
    expect(await itemsOf(body.data.id)).toHaveLength(1);
  });

  it('maps by the hub’s contact id in a hidden field, and keeps a contact of another account named with it', async () => {
    const other = await createFormbricksWorld(getOrm());
    const byContact = responseOf(world, (b) => {
      b.data.data = { ...b.data.data, contactId: toGlobalId('Contact', world.contactId) };
      delete b.data.data.accountExternalId;
      delete b.data.data.email;
    });
    expect((await deliver(hub.baseUrl, secret, byContact)).json.outcome).toBe('CREATED');
    const mismatch = responseOf(world, (b) => {
      b.data.data = {
        ...b.data.data,
        contactId: world.contactId,
        accountExternalId: other.accountExternalId,
      };
    });
    expect((await deliver(hub.baseUrl, secret, mismatch)).json.outcome).toBe('UNRESOLVED');
  });

  it('refuses every delivery with 503 NOT_CONFIGURED while no secret is set', async () => {
    const unconfigured = await startHttpHub(getOrm());
    try {
      const body = responseOf(world);
      const { status, json } = await deliver(unconfigured.baseUrl, secret, body);
      expect(status).toBe(503);
      expect(json).toMatchObject({
        errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'NOT_CONFIGURED' } }],
      });
      expect(await itemsOf(body.data.id)).toEqual([]);
    } finally {
      await unconfigured.close();
    }
  });
});
