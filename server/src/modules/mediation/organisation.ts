import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/database.js';
import { inTx, type RequestContext } from '../../db/tx.js';
import { markVoided } from '../../db/void.js';
import { inScope, type Actor } from '../../platform/access/actor.js';
import { badInput, conflict, notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { ActivityService } from '../activities/service.js';
import { P, mediationUnit, notAfterToday } from './common.js';
import type { AddTraining, CreateMediator, MediatorView } from './contract.js';
import {
  appointments,
  committeeRoles,
  defaultDisputeTypes,
  employments,
  levelOfDivision,
  type Appointment,
  type CommitteeRole,
  type Employment,
  type Gender,
} from './kinds.js';
import { committeeWarnings } from './rules.js';
import { mediationCommitteeProfiles, mediationDisputeTypes, mediatorTrainings, mediators } from './schema.js';

interface MediatorRow {
  id: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  employment: Employment;
  appointment: Appointment;
  appointed_on: string;
  committee_role: CommitteeRole | null;
  phone_enc: string | null;
}

/** Committees, their rosters and the dispute-type list. */
export class OrganisationService {
  constructor(private readonly platform: Platform) {}
  private get db() {
    return this.platform.db;
  }

  /** Every committee in scope with its Art. 8 warnings, computed from its 委员 on the roster. */
  async committees(actor: Actor) {
    const units = await query<{
      id: number;
      name: string;
      division_code: string;
      level: number;
      multi_ethnic: boolean | null;
      majority_ethnicity: string | null;
      open_cases: number;
    }>(
      this.db,
      sql`select u.id, u.name, u.division_code, d.level, p.multi_ethnic, p.majority_ethnicity,
            (select count(*)::int from mediation_cases c where c.unit_id = u.id and c.voided_at is null
               and c.status in ('received', 'mediating')) as open_cases
          from org_units u join divisions d on d.code = u.division_code
          left join mediation_committee_profiles p on p.unit_id = u.id
          where u.kind = 'mediationCommittee' and u.active and ${inScope(sql`u.path`, actor.scopes(P.read))}
          order by d.level, u.sort, u.id`,
    );
    const people = units.length
      ? await query<{
          unit_id: number;
          gender: string;
          ethnicity: string;
          employment: string;
          committee_role: string | null;
        }>(
          this.db,
          sql`select unit_id, gender, ethnicity, employment, committee_role from mediators
              where voided_at is null and unit_id in (${sql.join(
                units.map((u) => sql`${u.id}`),
                sql`, `,
              )})`,
        )
      : [];
    return units.map((u) => {
      const all = people.filter((p) => p.unit_id === u.id);
      const members = all.filter((p) => p.committee_role);
      const multiEthnic = u.multi_ethnic ?? false;
      const majorityEthnicity = u.majority_ethnicity ?? '藏族';
      return {
        unitId: u.id,
        name: u.name,
        divisionCode: u.division_code,
        level: levelOfDivision(u.level),
        multiEthnic,
        majorityEthnicity,
        members: members.length,
        mediators: all.length,
        fullTime: all.filter((p) => p.employment === 'fullTime').length,
        women: members.filter((p) => p.gender === 'female').length,
        warnings: committeeWarnings({ members, multiEthnic, majorityEthnicity }),
        openCases: u.open_cases,
      };
    });
  }

  async setProfile(
    ctx: RequestContext,
    unitId: number,
    input: { multiEthnic: boolean; majorityEthnicity: string },
  ) {
    await inTx(this.db, ctx, async (t) => {
      await mediationUnit(t.db, ctx.actor, unitId, P.organise, 'unitId', 'committee');
      await t.db
        .insert(mediationCommitteeProfiles)
        .values({ unitId, ...input })
        .onConflictDoUpdate({
          target: mediationCommitteeProfiles.unitId,
          set: { ...input, updatedAt: new Date() },
        });
      t.audit({
        action: 'mediation.committee.profile',
        entity: 'mediationCommittee',
        entityId: String(unitId),
        diff: input,
      });
    });
    return (await this.committees(ctx.actor)).find((c) => c.unitId === unitId)!;
  }

  private rows(db: Db, actor: Actor, permission: string, where: ReturnType<typeof sql>) {
    return query<MediatorRow>(
      db,
      sql`select m.id, m.unit_id, u.name as unit_name, u.path as unit_path, m.name, m.gender, m.ethnicity, m.employment,
            m.appointment, m.appointed_on, m.committee_role, m.phone_enc
          from mediators m join org_units u on u.id = m.unit_id
          where m.voided_at is null and ${where} and ${inScope(sql`u.path`, actor.scopes(permission))}
          order by u.sort, u.id, case m.committee_role when 'director' then 0 when 'deputyDirector' then 1
            when 'member' then 2 else 3 end, m.name`,
    );
  }

  private async present(db: Db, actor: Actor, rows: MediatorRow[]): Promise<MediatorView[]> {
    const trainings = rows.length
      ? await db
          .select()
          .from(mediatorTrainings)
          .where(
            sql`${mediatorTrainings.mediatorId} in (${sql.join(
              rows.map((r) => sql`${r.id}::uuid`),
              sql`, `,
            )})`,
          )
          .orderBy(mediatorTrainings.trainedOn)
      : [];
    return rows.map((r) => {
      const phone = this.platform.fieldCrypto.decryptOptional(r.phone_enc);
      return {
        id: r.id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        employment: r.employment,
        employmentLabel: employments[r.employment],
        appointment: r.appointment,
        appointmentLabel: appointments[r.appointment],
        appointedOn: r.appointed_on,
        committeeRole: r.committee_role,
        committeeRoleLabel: r.committee_role ? committeeRoles[r.committee_role] : null,
        phone: actor.covers(P.personal, r.unit_path) ? phone : maskPhone(phone),
        trainings: trainings
          .filter((x) => x.mediatorId === r.id)
          .map((x) => ({ id: x.id, activityId: x.activityId, trainedOn: x.trainedOn, title: x.title })),
      };
    });
  }

  async listMediators(actor: Actor, unitId?: number) {
    const rows = await this.rows(this.db, actor, P.read, unitId ? sql`m.unit_id = ${unitId}` : sql`true`);
    return this.present(this.db, actor, rows);
  }

  private async one(db: Db, actor: Actor, id: string, permission: string) {
    const [r] = await this.rows(db, actor, permission, sql`m.id = ${id}`);
    if (!r) throw notFound('人民调解员', id);
    return (await this.present(db, actor, [r]))[0]!;
  }

  async createMediator(ctx: RequestContext, input: CreateMediator) {
    return inTx(this.db, ctx, async (t) => {
      await mediationUnit(t.db, ctx.actor, input.unitId, P.organise, 'unitId', 'committee');
      notAfterToday('appointedOn', input.appointedOn, '聘任日期');
      if (
        input.employment === 'partTime' &&
        (input.appointment === 'recruited' || input.appointment === 'selected')
      )
        throw badInput('appointment', '招聘、选聘适用于专职人民调解员');
      if (input.committeeRole === 'director') {
        const [d] = await query<{ id: string }>(
          t.db,
          sql`select id from mediators where unit_id = ${input.unitId} and committee_role = 'director' and voided_at is null`,
        );
        if (d)
          throw badInput('committeeRole', '人民调解委员会设主任一人（人民调解法第八条第二款），已有主任');
      }
      const [row] = await t.db
        .insert(mediators)
        .values({
          unitId: input.unitId,
          name: input.name,
          gender: input.gender,
          ethnicity: input.ethnicity,
          employment: input.employment,
          appointment: input.appointment,
          appointedOn: input.appointedOn,
          committeeRole: input.committeeRole ?? null,
          phoneEnc: this.platform.fieldCrypto.encryptOptional(input.phone),
          createdBy: ctx.actor.id,
        })
        .returning({ id: mediators.id });
      t.audit({
        action: 'mediation.mediator.create',
        entity: 'mediator',
        entityId: row!.id,
        diff: { ...input, phone: input.phone ? '***' : null },
      });
      return this.one(t.db, ctx.actor, row!.id, P.organise);
    });
  }

  async voidMediator(ctx: RequestContext, id: string, reason: string) {
    return inTx(this.db, ctx, async (t) => {
      await this.one(t.db, ctx.actor, id, P.organise);
      await markVoided(t, mediators, id, reason, { action: 'mediation.mediator.void', entity: 'mediator' });
      return { id };
    });
  }

  /**
   * A training attended: a link to the ledger's mediator-training event (whose date and title are
   * copied so the roster reads without the ledger), or a date and title for one held elsewhere.
   */
  async addTraining(ctx: RequestContext, id: string, input: AddTraining) {
    return inTx(this.db, ctx, async (t) => {
      await this.one(t.db, ctx.actor, id, P.organise);
      let row: { activityId: string | null; trainedOn: string; title: string };
      if ('activityId' in input) {
        const a = await new ActivityService(t.db).get(t.db, ctx.actor, input.activityId).catch(() => null);
        if (!a) throw badInput('activityId', '台账中没有这次培训，或不在您的查看范围内');
        if (a.kind !== 'mediatorTraining') throw badInput('activityId', `“${a.title}”不是人民调解员培训`);
        const [dup] = await query<{ id: number }>(
          t.db,
          sql`select id from mediator_trainings where mediator_id = ${id} and activity_id = ${a.id}`,
        );
        if (dup) throw conflict('ALREADY_RECORDED', '已登记该调解员参加此次培训');
        row = { activityId: a.id, trainedOn: a.date, title: a.title };
      } else {
        notAfterToday('trainedOn', input.trainedOn, '培训日期');
        row = { activityId: null, trainedOn: input.trainedOn, title: input.title };
      }
      await t.db.insert(mediatorTrainings).values({ mediatorId: id, ...row, createdBy: ctx.actor.id });
      t.audit({ action: 'mediation.mediator.training', entity: 'mediator', entityId: id, diff: row });
      return this.one(t.db, ctx.actor, id, P.organise);
    });
  }

  // ——— dispute types ———

  disputeTypes(db: Db = this.db) {
    return db
      .select()
      .from(mediationDisputeTypes)
      .orderBy(mediationDisputeTypes.sort, mediationDisputeTypes.code);
  }

  async setDisputeType(ctx: RequestContext, input: { code: string; label: string; active: boolean }) {
    await inTx(this.db, ctx, async (t) => {
      const [before] = await t.db
        .select()
        .from(mediationDisputeTypes)
        .where(eq(mediationDisputeTypes.code, input.code));
      const [{ n }] = (await query<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from mediation_dispute_types`,
      )) as [{ n: number }];
      await t.db
        .insert(mediationDisputeTypes)
        .values({ ...input, sort: before?.sort ?? n })
        .onConflictDoUpdate({
          target: mediationDisputeTypes.code,
          set: { label: input.label, active: input.active },
        });
      t.audit({
        action: 'mediation.disputeType.set',
        entity: 'mediationDisputeType',
        entityId: input.code,
        diff: { label: [before?.label ?? null, input.label], active: [before?.active ?? null, input.active] },
      });
    });
    return this.disputeTypes();
  }
}

/** Seeds the common dispute types at start; a county's own edits are kept (insert only what is missing). */
export async function seedDisputeTypes(db: Db) {
  await db
    .insert(mediationDisputeTypes)
    .values(defaultDisputeTypes.map(([code, label], sort) => ({ code, label, sort })))
    .onConflictDoNothing();
}
