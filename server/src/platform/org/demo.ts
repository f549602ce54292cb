import { sql } from 'drizzle-orm';
import { inTx } from '../../db/tx.js';
import { Actor } from '../access/actor.js';
import { roleGrants } from '../access/schema.js';
import { hashPassword } from '../auth/password.js';
import type { Platform } from '../platform.js';
import { demoDivisions, suoDepartments, townshipLogins, type DemoUnit, type DemoUser } from './demo-data.js';
import { divisions, orgUnits, users } from './schema.js';

const counties = demoDivisions.filter((d) => d.level === 3);
const suoTownships = demoDivisions.filter((d) => d.level === 4);

/** The Suo County organisation: the region and city above it, the 11 counties of 那曲市, Suo's own units. */
export function demoUnits(): DemoUnit[] {
  const u: DemoUnit[] = [
    { key: 'region', name: '西藏自治区人民政府', kind: 'government', division: '540000', parent: null },
    { key: 'city', name: '那曲市人民政府', kind: 'government', division: '540600', parent: 'region' },
    {
      key: 'cityOffice',
      name: '中共那曲市委全面依法治市委员会办公室',
      kind: 'lawOffice',
      division: '540600',
      parent: 'city',
    },
  ];
  for (const c of counties) {
    if (c.code === '540626') continue;
    u.push({
      key: `county:${c.code}`,
      name: `${c.name}人民政府`,
      kind: 'government',
      division: c.code,
      parent: 'city',
    });
  }
  u.push(
    { key: 'suo', name: '索县人民政府', kind: 'government', division: '540626', parent: 'city' },
    {
      key: 'lawOffice',
      name: '中共索县委员会全面依法治县委员会办公室',
      kind: 'lawOffice',
      division: '540626',
      parent: 'suo',
    },
    { key: 'justice', name: '索县司法局', kind: 'department', division: '540626', parent: 'suo' },
    ...suoDepartments.map(([name, login]) => ({
      key: `dept:${login}`,
      name,
      kind: 'department' as const,
      division: '540626',
      parent: 'suo',
    })),
    ...suoTownships.map((t) => ({
      key: `town:${t.code}`,
      name: `${t.name}人民政府`,
      kind: 'township' as const,
      division: t.code,
      parent: 'suo',
    })),
    { key: 'court', name: '索县人民法院', kind: 'court', division: '540626', parent: 'suo' },
    {
      key: 'procuratorate',
      name: '索县人民检察院',
      kind: 'procuratorate',
      division: '540626',
      parent: 'suo',
    },
    {
      key: 'firm:chenfeng',
      name: '湖北晨丰（索）律师事务所',
      kind: 'lawFirm',
      division: '540626',
      parent: 'justice',
    },
    { key: 'firm:yixun', name: '西藏易迅律师事务所', kind: 'lawFirm', division: '540626', parent: 'justice' },
    { key: 'centre', name: '索县矛盾纠纷多元化解中心', kind: 'other', division: '540626', parent: 'justice' },
    {
      key: 'med:county',
      name: '索县人民调解委员会',
      kind: 'mediationCommittee',
      division: '540626',
      parent: 'justice',
    },
    ...suoTownships.map((t) => ({
      key: `med:${t.code}`,
      name: `${t.name}人民调解委员会`,
      kind: 'mediationCommittee' as const,
      division: t.code,
      parent: `town:${t.code}`,
    })),
  );
  return u;
}

export function demoUsers(): DemoUser[] {
  return [
    {
      username: 'admin',
      displayName: '系统管理员',
      unit: 'justice',
      role: 'sysadmin',
      subtree: true,
      scopeUnit: 'region',
    },
    {
      username: 'security',
      displayName: '安全管理员',
      unit: 'justice',
      role: 'secadmin',
      subtree: true,
      scopeUnit: 'region',
    },
    {
      username: 'auditor',
      displayName: '安全审计员',
      unit: 'justice',
      role: 'auditor',
      subtree: true,
      scopeUnit: 'region',
    },
    {
      username: 'office',
      displayName: '次仁卓玛',
      unit: 'lawOffice',
      role: 'lawOffice',
      subtree: true,
      scopeUnit: 'suo',
      phone: '13908961234',
    },
    {
      username: 'leader',
      displayName: '扎西平措',
      unit: 'suo',
      role: 'leader',
      subtree: true,
      scopeUnit: 'suo',
    },
    {
      username: 'city',
      displayName: '格桑曲珍',
      unit: 'cityOffice',
      role: 'cityOffice',
      subtree: true,
      scopeUnit: 'city',
    },
    {
      username: 'fuyi',
      displayName: '旦增尼玛',
      unit: 'justice',
      role: 'reconsiderationOfficer',
      subtree: true,
      scopeUnit: 'suo',
    },
    {
      // the one-stop centre (一站式矛盾纠纷多元化解中心) takes in and routes disputes for the whole county
      username: 'zhongxin',
      displayName: '央金卓嘎',
      unit: 'centre',
      role: 'mediator',
      subtree: true,
      scopeUnit: 'suo',
    },
    {
      username: 'mediator',
      displayName: '拉巴次仁',
      unit: 'med:540626100',
      role: 'mediator',
      subtree: false,
    },
    { username: 'counsel', displayName: '王律师', unit: 'firm:yixun', role: 'counsel', subtree: false },
    {
      username: 'newuser',
      displayName: '新入职人员',
      unit: 'lawOffice',
      role: 'lawOffice',
      subtree: true,
      scopeUnit: 'suo',
      mustChangePassword: true,
    },
    ...suoDepartments.map(([name, login]) => ({
      username: login,
      displayName: `${name.replace(/^索县|^那曲市|^国家税务总局/, '')}联络员`,
      unit: `dept:${login}`,
      role: 'departmentClerk' as const,
      subtree: false,
    })),
    ...suoTownships.map((t) => ({
      username: townshipLogins[t.code]!,
      displayName: `${t.name}联络员`,
      unit: `town:${t.code}`,
      role: 'townshipClerk' as const,
      subtree: true,
    })),
  ];
}

/** Loads the demo organisation on an empty database; run by the demo loader before every module's demo. */
export async function loadOrgDemo(platform: Platform): Promise<void> {
  const { db, config } = platform;
  await inTx(db, { actor: Actor.system }, async (t) => {
    const pathOf = (code: string): string => {
      const d = demoDivisions.find((x) => x.code === code)!;
      return `${d.parent ? pathOf(d.parent) : '/'}${code}/`;
    };
    await t.db.insert(divisions).values(
      demoDivisions.map((d) => ({
        code: d.code,
        name: d.name,
        level: d.level,
        parentCode: d.parent,
        path: pathOf(d.code),
      })),
    );
    const ids = new Map<string, { id: number; path: string }>();
    const createdAt = new Date('2022-01-01T00:00:00+08:00');
    let sort = 0;
    for (const u of demoUnits()) {
      const parent = u.parent ? ids.get(u.parent)! : null;
      const [row] = await t.db
        .insert(orgUnits)
        .values({
          name: u.name,
          kind: u.kind,
          divisionCode: u.division,
          parentId: parent?.id ?? null,
          path: `pending:${u.key}`,
          sort: sort++,
          createdAt,
        })
        .returning({ id: orgUnits.id });
      const path = `${parent?.path ?? '/'}${row!.id}/`;
      ids.set(u.key, { id: row!.id, path });
    }
    await t.db.execute(
      sql`update org_units set path = v.path from (values ${sql.join(
        [...ids.values()].map((v) => sql`(${v.id}::int, ${v.path})`),
        sql`, `,
      )}) as v(id, path) where org_units.id = v.id`,
    );

    // One hash for every demo account: they share the documented demo password.
    const hash = await hashPassword(config.demoPassword);
    const list = demoUsers();
    const inserted = await t.db
      .insert(users)
      .values(
        list.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          unitId: ids.get(u.unit)!.id,
          passwordHash: hash,
          phoneEnc: platform.fieldCrypto.encryptOptional(u.phone),
          mustChangePassword: u.mustChangePassword ?? false,
          createdAt,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(inserted.map((r) => [r.username, r.id]));
    await t.db.insert(roleGrants).values(
      list.map((u) => ({
        userId: idOf.get(u.username)!,
        roleCode: u.role,
        unitId: ids.get(u.subtree && u.scopeUnit ? u.scopeUnit : u.unit)!.id,
        subtree: u.subtree,
      })),
    );
    t.audit({
      action: 'demo.load',
      entity: 'org',
      diff: { divisions: demoDivisions.length, units: ids.size, users: list.length },
    });
  });
}
