/**
 * The load generator of scenario 1: `requests` POSTs of the same body to one URL from
 * `concurrency` loops over keep-alive `node:http` connections (one socket per loop), timing
 * each request from write to the last byte of its answer.
 */
import http from 'node:http';
import { distribution, type Distribution } from './stats.js';

export interface LoadResult {
  /** Requests answered per second over the whole round. */
  rps: number;
  latency: Distribution;
  bytes: number;
  errors: number;
  firstError?: string;
}

export function keepAliveAgent(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

function post(
  agent: http.Agent,
  url: URL,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(opts: {
  agent: http.Agent;
  url: string;
  body: string;
  headers?: Record<string, string>;
  requests: number;
  concurrency: number;
  /** Checks an answer (e.g. no GraphQL errors); a false answer counts as an error. */
  check?: (body: Buffer) => boolean;
}): Promise<LoadResult> {
  const url = new URL(opts.url);
  const body = Buffer.from(opts.body);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const loop = async () => {
    while (next < opts.requests) {
      next += 1;
      const t = process.hrtime.bigint();
      try {
        const res = await post(opts.agent, url, body, opts.headers ?? {});
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        bytes += res.body.length;
        if (res.status !== 200 || (opts.check && !opts.check(res.body))) {
          errors += 1;
          firstError ??= `${res.status} ${res.body.toString().slice(0, 300)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    rps: opts.requests / seconds,
    latency: distribution(latencies),
    bytes: bytes / Math.max(1, opts.requests),
    errors,
    firstError,
  };
}
