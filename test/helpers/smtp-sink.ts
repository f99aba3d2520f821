import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived at the sink. */
export interface ArrivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), CRLF line ends. */
  raw: string;
}

/** How the sink answers one RCPT TO: accept, or refuse with this reply code and text. */
export type RcptAnswer = 'accept' | { code: number; text: string };

export interface SmtpSink {
  url: string;
  arrived: ArrivedMail[];
  /** Per recipient, the answers to its RCPT TO in turn; the last one repeats. */
  script(address: string, answers: RcptAnswer[]): void;
  rcptCount(address: string): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on a loopback port: it keeps what arrives and
 * answers each recipient as a test scripts it. STARTTLS is not offered (no certificate here).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const arrived: ArrivedMail[] = [];
  const scripts = new Map<string, RcptAnswer[]>();
  const counts = new Map<string, number>();
  let queued = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const n = counts.get(to) ?? 0;
      counts.set(to, n + 1);
      const answers = scripts.get(to) ?? ['accept'];
      const answer = answers[Math.min(n, answers.length - 1)] ?? 'accept';
      if (answer === 'accept') return callback();
      return callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        arrived.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        queued += 1;
        callback(null, `Ok: queued as SINK${queued}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    script: (address, answers) => scripts.set(address.toLowerCase(), answers),
    rcptCount: (address) => counts.get(address.toLowerCase()) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A single-part text message as a reader sees it: headers unfolded and decoded, body decoded. */
export interface ReadMail {
  headers: Map<string, string>;
  text: string;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); adjacent words join. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, _charset: string, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(data: string): string {
  const bytes = data
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, '%25');
  return decodeURIComponent(bytes);
}

/** Reads what the sink received, for asserting on text in any language. */
export function readMail(raw: string): ReadMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}
