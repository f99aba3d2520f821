import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const STOCK_ANSWER = 'Everything was delivered on time, thank you';
const OWN_WORDS = 'Our Kazan plant waited nine days for the corrected certificate';

describeEachDatabase("erasure leaves other people's words alone", (getOrm) => {
  let api: TestApi;
  let erased: Contact;
  let namesake: Contact;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const a = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.OPERATOR }],
    });
    const b = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.OPERATOR }],
    });
    const em = getOrm().em.fork();
    erased = em.merge(a.contacts[0]!);
    namesake = em.merge(b.contacts[0]!);
    erased.name = 'Ivan Petrov';
    namesake.name = 'Ivan Petrov';
    const item = (contact: Contact, text: string) =>
      em.create(FeedbackItem, {
        account: contact.account,
        contact,
        channel: FeedbackChannel.SURVEY,
        npsScore: 9,
        text,
      });
    item(erased, STOCK_ANSWER);
    item(erased, OWN_WORDS);
    item(namesake, STOCK_ANSWER);
    item(namesake, `As Ivan Petrov said before: ${OWN_WORDS}`);
    await em.flush();
    const res = await api.execute(
      `mutation($id: ID!) { eraseContact(id: $id, reason: "request") { alreadyErased } }`,
      { id: toGlobalId('Contact', erased.id) },
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => api.stop());

  it('keeps a text someone else also wrote, and a name someone else bears, and erases words only they wrote', async () => {
    const em = getOrm().em.fork();
    expect((await em.findOneOrFail(Contact, { id: namesake.id })).name).toBe('Ivan Petrov');
    const texts = async (contact: Contact) =>
      (await em.find(FeedbackItem, { contact }, { orderBy: { id: 'asc' } })).map((f) => f.text);
    expect(await texts(erased)).toEqual([null, null]);
    expect(await texts(namesake)).toEqual([STOCK_ANSWER, 'As Ivan Petrov said before: [erased]']);
  });
});
