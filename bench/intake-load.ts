/**
 * The load side of `npm run bench:intake`, in its own process (so it does not share the server's event
 * loop): autocannon drives POST /api/public/intake/<kind>, each request with its own solved challenge
 * (minted with the server's key at a low difficulty) and its own visitor address (X-Forwarded-For), as
 * when many citizens submit at once. Prints autocannon's result and the lookup codes answered, as JSON.
 *
 *   argv: url kind keyHex bits connections seconds
 */
import { createRequire } from 'node:module';
import { ChallengeIssuer, solve } from '../server/src/platform/intake/challenge.js';

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (r: Request) => Request;
  onResponse?: (status: number, body: string) => void;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: Request[];
}) => Promise<Result>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const [url, kind, keyHex, bits, connections, seconds] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const issuer = new ChallengeIssuer(Buffer.from(keyHex, 'hex'), Number(bits));

let n = 0;
/** the lookup code of every 200 answer: each must be found in the table afterwards */
const codes: string[] = [];
/** A mediation.question as a citizen would ask it, different each time. */
const payload = (i: number) => ({
  name: `测试群众${i}`,
  phone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
  divisionCode: '540626100',
  question: `第${i}号咨询：邻居在我家草场边上修围栏，占了约两亩草场，应当如何主张权利？`,
  language: i % 3 === 0 ? 'bo' : 'zh',
});

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      path: `/api/public/intake/${kind}`,
      headers: { 'content-type': 'application/json' },
      setupRequest: (r) => {
        const i = ++n;
        return {
          ...r,
          headers: {
            ...r.headers,
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify({ payload: payload(i), challenge: solve(issuer.issue()) }),
        };
      },
      onResponse: (status, body) => {
        if (status === 200) codes.push((JSON.parse(body) as { code: string }).code.replace('-', ''));
      },
    },
  ],
});
console.log(JSON.stringify({ ...result, codes }));
