import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../db/database.js';
import { backends, testApp, type TestApp } from '../../test/harness.js';

describe.each(backends())('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('logs in with the demo password and sets an HttpOnly, SameSite session cookie', async () => {
    const c = t.anonymous();
    const r = await c.post('/api/auth/login', { username: 'office', password: 'Fazhi@2023' });
    expect(r.statusCode).toBe(200);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/fazhi_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(r.json()).toMatchObject({
      username: 'office',
      unitName: '中共索县委员会全面依法治县委员会办公室',
    });
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('names the missing field when the login body is incomplete', async () => {
    const r = await t.anonymous().post('/api/auth/login', { username: 'office' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().errors[0].field).toBe('body.password');
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const c = t.anonymous();
    for (let i = 1; i <= 4; i++) {
      const r = await c.post('/api/auth/login', { username: 'jiaoyu', password: 'wrong-Password1' });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await c.post('/api/auth/login', { username: 'jiaoyu', password: 'wrong-Password1' });
    expect(fifth.statusCode).toBe(423);
    const right = await c.post('/api/auth/login', { username: 'jiaoyu', password: 'Fazhi@2023' });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const [u] = await query<{ locked_until: Date }>(
      t.database.db,
      sql`select locked_until from users where username = 'jiaoyu'`,
    );
    const minutes = (new Date(u!.locked_until).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const c = await t.as('office');
    const r = await c.request('PUT', '/api/auth/locale', { locale: 'bo' }, { 'x-csrf-token': 'forged' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('CSRF');
    expect((await c.put('/api/auth/locale', { locale: 'bo' })).statusCode).toBe(200);
  });

  it('forces a user with an initial password to change it before anything else', async () => {
    const c = await t.as('newuser');
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/auth/password', { currentPassword: 'Fazhi@2023', newPassword: 'short' });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'newPassword' }] });
    const same = await c.post('/api/auth/password', {
      currentPassword: 'Fazhi@2023',
      newPassword: 'Fazhi@2023',
    });
    expect(same.json().code).toBe('PASSWORD_REUSED');
    const ok = await c.post('/api/auth/password', {
      currentPassword: 'Fazhi@2023',
      newPassword: 'Suo-Xian2024',
    });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/org/units')).statusCode).toBe(200);
  });

  it('ends a session idle longer than the limit', async () => {
    const c = await t.as('leader');
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    t.platform.auth.invalidateUser();
    const r = await c.get('/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('SESSION_EXPIRED');
  });

  it('logs out and the cookie no longer works', async () => {
    const c = await t.as('city');
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const r = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(r.statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const r = await t.anonymous().get('/api/health');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(r.headers['x-request-id']).toBeTruthy();
  });
});
