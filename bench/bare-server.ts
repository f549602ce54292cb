import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { PG_SESSION_OPTIONS } from '../server/src/db/database.js';

/**
 * The ceiling for GET /api/org/users: the same SQL the org service runs for a scoped, filtered,
 * sorted page (rows, total, role grants of the page), served by a bare Fastify + pg handler with no
 * session, permission, validation or serialisation layer. Only meaningful on PostgreSQL. It also
 * serves the floor of bench:overhead (`/trivial`, `/page`).
 */
export const USERS_PAGE_SQL = `
select u.id, u.username, u.display_name, u.unit_id, o.name as unit_name, u.phone_enc,
       u.must_change_password, u.locked_until, u.last_login_at, u.active,
       (count(*) over ())::int as total
  from users u join org_units o on o.id = u.unit_id
 where o.path like $1 and u.active = true and (u.username ilike $2 or u.display_name ilike $2)
 order by u.last_login_at desc, u.id asc
 limit $3 offset $4`;

export const USERS_COUNT_SQL = `
select count(*)::int as n
  from users u join org_units o on o.id = u.unit_id
 where o.path like $1 and u.active = true and (u.username ilike $2 or u.display_name ilike $2)`;

const GRANTS_SQL = `select user_id, role_code, unit_id, subtree from role_grants where user_id = any($1::uuid[])`;

export interface Bare {
  app: FastifyInstance;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** `scopePath` is the caller's unit path ('/1/2/'), as the real route derives it from the session. */
export async function startBare(databaseUrl: string, scopePath: string, poolSize = 10): Promise<Bare> {
  // the same session settings as the real server's pool, so the two plan the query alike
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: PG_SESSION_OPTIONS });
  const app = Fastify({ logger: false });
  // drive() settles a server between runs through /api/health
  app.get('/api/health', async () => ({ ok: true }));
  // the floor of bench:overhead: no database, then one indexed page of 20 rows
  app.get('/trivial', async () => ({ ok: true }));
  app.get('/page', async () => ({
    items: (await pool.query('select id, name, kind, path from org_units order by id limit 20 offset 0'))
      .rows,
  }));
  app.get<{ Querystring: { page?: string; pageSize?: string; q?: string } }>('/users', async (req) => {
    const page = Number(req.query.page ?? 1);
    const pageSize = Number(req.query.pageSize ?? 20);
    const params = [`${scopePath}%`, `%${req.query.q ?? ''}%`];
    // As the real route: one query for the page and its total; the count alone only past the end.
    const rows = await pool.query(USERS_PAGE_SQL, [...params, pageSize, (page - 1) * pageSize]);
    const total = rows.rows.length
      ? (rows.rows[0] as { total: number }).total
      : (await pool.query<{ n: number }>(USERS_COUNT_SQL, params)).rows[0]!.n;
    const grants = rows.rows.length
      ? (await pool.query(GRANTS_SQL, [rows.rows.map((r: { id: string }) => r.id)])).rows
      : [];
    return { items: rows.rows, grants, total, page, pageSize };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    pool,
    url,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
