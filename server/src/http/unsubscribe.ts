import type { Express, Request, Response } from 'express';
import type { Em } from '../db/orm.js';
import { DomainContext } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import type { AppDeps } from '../graphql/context.js';
import type { Locale } from '../modules/initiative/initiative.messages.js';
import { OptOutSource } from '../modules/notification/mail-opt-out.entity.js';
import { MailOptOutService } from '../modules/notification/mail-opt-out.service.js';
import { verifyUnsubscribeToken } from '../modules/notification/unsubscribe-token.js';

/** What the pages say, in the contact's language (the browser's, when the link is not valid). */
const TEXT: Record<
  Locale,
  Record<'invalid' | 'ask' | 'done' | 'gone', { title: string; body: string }> & { button: string }
> = {
  en: {
    invalid: {
      title: 'This link is not valid',
      body: 'Please use the link of a message we sent you.',
    },
    ask: {
      title: 'Unsubscribe',
      body: 'You will receive no more e-mail from us about your feedback and our work on it.',
    },
    done: { title: 'You are unsubscribed', body: 'We will send you no more e-mail.' },
    gone: {
      title: 'We no longer hold this address',
      body: 'There is nothing to unsubscribe: we keep no e-mail address of yours.',
    },
    button: 'Unsubscribe',
  },
  ru: {
    invalid: {
      title: 'Ссылка недействительна',
      body: 'Пожалуйста, воспользуйтесь ссылкой из нашего письма.',
    },
    ask: {
      title: 'Отписка от писем',
      body: 'Вы больше не будете получать от нас писем о ваших отзывах и нашей работе над ними.',
    },
    done: { title: 'Вы отписались', body: 'Мы больше не будем присылать вам писем.' },
    gone: {
      title: 'Этого адреса у нас больше нет',
      body: 'Отписываться не от чего: мы не храним вашего адреса.',
    },
    button: 'Отписаться',
  },
};

const page = (locale: Locale, which: 'invalid' | 'ask' | 'done' | 'gone', extra = '') => {
  const { title, body } = TEXT[locale][which];
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><h1>${title}</h1><p>${body}</p>${extra}</body></html>`
  );
};

/**
 * The unsubscribe link of every message. GET shows a button (mail scanners open links, and
 * must not unsubscribe anyone); POST — the button, or a mail client's one-click unsubscribe
 * (RFC 8058) — records the opt-out. The token names the contact and is signed by the hub; the
 * pages speak the contact's language.
 */
export function unsubscribeRoutes(app: Express, deps: AppDeps): void {
  const optOuts = () =>
    new DomainContext(deps, deps.orm.em.fork() as Em, { actor: 'unsubscribe-link' }).service(
      MailOptOutService,
    );

  const browserLocale = (req: Request): Locale =>
    req.acceptsLanguages('en', 'ru') === 'ru' ? 'ru' : 'en';

  const contactOf = (req: Request, res: Response): string | null => {
    const settings = deps.config.mail.unsubscribe;
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const contactId = settings ? verifyUnsubscribeToken(settings.secret, token) : null;
    if (!contactId) {
      res
        .status(400)
        .type('html')
        .send(page(browserLocale(req), 'invalid'));
    }
    return contactId;
  };

  app.get('/unsubscribe', async (req, res, next) => {
    const contactId = contactOf(req, res);
    if (!contactId) return;
    try {
      const locale = (await optOuts().languageOf(contactId)) ?? browserLocale(req);
      const form = `<form method="post"><button type="submit">${TEXT[locale].button}</button></form>`;
      res.type('html').send(page(locale, 'ask', form));
    } catch (err) {
      next(err);
    }
  });

  app.post('/unsubscribe', async (req, res, next) => {
    const contactId = contactOf(req, res);
    if (!contactId) return;
    try {
      const service = optOuts();
      const locale = (await service.languageOf(contactId)) ?? browserLocale(req);
      try {
        await service.set(contactId, true, OptOutSource.LINK);
      } catch (err) {
        // The contact was removed since the message was sent: nothing is left to unsubscribe.
        if (err instanceof DomainError && err.reason === 'CONTACT_NOT_FOUND') {
          res.status(404).type('html').send(page(locale, 'gone'));
          return;
        }
        throw err;
      }
      res.type('html').send(page(locale, 'done'));
    } catch (err) {
      next(err);
    }
  });
}
