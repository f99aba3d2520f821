import type { Express, Request, Response } from 'express';
import type { Em } from '../db/orm.js';
import { DomainContext } from '../domain/context.js';
import type { AppDeps } from '../graphql/context.js';
import { OptOutSource } from '../modules/notification/mail-opt-out.entity.js';
import { MailOptOutService } from '../modules/notification/mail-opt-out.service.js';
import { verifyUnsubscribeToken } from '../modules/notification/unsubscribe-token.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1>${body}</body></html>`;

/**
 * The unsubscribe link of every message. GET shows a button (mail scanners open links, and
 * must not unsubscribe anyone); POST — the button, or a mail client's one-click unsubscribe
 * (RFC 8058) — records the opt-out. The token names the contact and is signed by the hub.
 */
export function unsubscribeRoutes(app: Express, deps: AppDeps): void {
  const contactOf = (req: Request, res: Response): string | null => {
    const settings = deps.config.mail.unsubscribe;
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const contactId = settings ? verifyUnsubscribeToken(settings.secret, token) : null;
    if (!contactId) {
      res
        .status(400)
        .type('html')
        .send(
          page('This link is not valid', '<p>Please use the link of a message we sent you.</p>'),
        );
    }
    return contactId;
  };

  app.get('/unsubscribe', (req, res) => {
    if (!contactOf(req, res)) return;
    res
      .type('html')
      .send(
        page(
          'Unsubscribe',
          '<p>You will receive no more e-mail from us about your feedback and our work on it.</p>' +
            '<form method="post"><button type="submit">Unsubscribe</button></form>',
        ),
      );
  });

  app.post('/unsubscribe', async (req, res, next) => {
    const contactId = contactOf(req, res);
    if (!contactId) return;
    try {
      const ctx = new DomainContext(deps, deps.orm.em.fork() as Em, { actor: 'unsubscribe-link' });
      await ctx.service(MailOptOutService).set(contactId, true, OptOutSource.LINK);
      res
        .type('html')
        .send(page('You are unsubscribed', '<p>We will send you no more e-mail.</p>'));
    } catch (err) {
      next(err);
    }
  });
}
