/**
 * The heavy county load of `npm run bench:cases`, in bulk SQL on top of the Suo County demo: 100,000
 * mediation cases with their parties, mediators and confirmations, and 20,000 reconsideration files
 * copied from the demo's with their dates shifted.
 */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../server/src/db/database.js';
import { numberPrefix } from '../server/src/modules/mediation/common.js';
import { numberPrefixOf } from '../server/src/modules/reconsideration/settings.js';

export const MEDIATION_CASES = 100_000;
export const RECON_CASES = 20_000;
/** the five years the load spreads over: 2022 up to yesterday */
export const FROM = '2022-01-01';
// CREATE TABLE … AS takes no bind parameters: the bench's own constants go in as literals
const lit = (n: number) => sql.raw(String(Math.trunc(n)));
const FROM_SQL = sql.raw(`date '${FROM}'`);

/**
 * 100,000 cases over the 11 committees (an eleventh each; the county committee's are all 疑难, their
 * disputes arising in a township), received on days spread over 2022 to yesterday; a fifth of those
 * received since the centre opened (2023-07-03) came in at the centre. Numbers continue each
 * receiving unit's counter per year, and the counters end at the last number given. Cases of the
 * last 45 days are open (a quarter received, the rest mediating), older ones closed: 85 % agreed, 8 %
 * failed, 7 % withdrawn. Two parties per case (an applicant and a respondent of the demo, encrypted
 * columns copied as they are), one or two mediators of the committee's roster, and a judicial
 * confirmation for every 25th agreement.
 */
export async function loadMediation(db: Db) {
  const units = await query<{
    id: number;
    name: string;
    division_code: string;
    level: number;
    centre: boolean;
  }>(
    db,
    sql`select u.id, u.name, u.division_code, d.level,
          exists (select 1 from mediation_centres c where c.unit_id = u.id) as centre
        from org_units u join divisions d on d.code = u.division_code
        where u.active and u.division_code like '540626%'
          and (u.kind = 'mediationCommittee' or exists (select 1 from mediation_centres c where c.unit_id = u.id))
        order by u.id`,
  );
  const centre = units.find((u) => u.centre);
  const committees = units.filter((u) => !u.centre);
  if (!centre || committees.length !== 11)
    throw new Error(`expected the centre and 11 committees, found ${units.length} units`);
  const types = (
    await query<{ code: string }>(
      db,
      sql`select code from mediation_dispute_types where active order by sort, code`,
    )
  ).map((t) => t.code);
  const typeArray = sql`array[${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table bench_units (id int, k int, prefix text, division_code text, level int,
        mediators uuid[]) on commit drop`);
    await tx.execute(sql`
      insert into bench_units
      select v.id, v.k, v.prefix, v.division_code, v.level,
             coalesce((select array_agg(m.id order by m.id) from mediators m
                        where m.unit_id = v.id and m.voided_at is null), '{}')
        from (values ${sql.join(
          units.map(
            (u) =>
              sql`(${u.id}::int, ${u.centre ? -1 : committees.indexOf(u)}::int, ${numberPrefix(u.name, u.centre)}, ${u.division_code}, ${u.level}::int)`,
          ),
          sql`, `,
        )}) as v(id, k, prefix, division_code, level)`);
    // the demo's parties as templates, taken before any bench row is added
    await tx.execute(sql`
      create temp table bench_parties on commit drop as
      select p.*, row_number() over (partition by p.role order by p.id)::int - 1 as k,
             count(*) over (partition by p.role)::int as n
        from mediation_parties p`);
    await tx.execute(sql`
      create temp table bench_med on commit drop as
      with g as (
        select g, ${FROM_SQL} + (g::bigint * 7919 % (current_date - ${FROM_SQL}))::int as received_on
          from generate_series(1, ${lit(MEDIATION_CASES)}) g),
      towns as (
        select array_agg(code order by code) as codes from divisions where level = 4 and parent_code = '540626'),
      c as (
        select g.g, g.received_on, extract(year from g.received_on)::int as year, u.id as committee_id,
               u.level, u.mediators,
               case when u.level = 3 then towns.codes[1 + g.g % array_length(towns.codes, 1)]
                    else u.division_code end as division_code,
               case when g.received_on > current_date - 45
                      then case when g.g % 4 = 0 then 'received' else 'mediating' end
                    when (g.g * 37) % 100 < 85 then 'agreed'
                    when (g.g * 37) % 100 < 93 then 'failed'
                    else 'withdrawn' end as status,
               g.received_on >= date '2023-07-03' and g.g % 5 = 0 as at_centre
          from g join bench_units u on u.k = g.g % 11 cross join towns),
      r as (
        select c.*, case when c.at_centre then ${lit(centre.id)} else c.committee_id end as received_unit_id from c)
      select gen_random_uuid() as id, r.*,
             coalesce((select k.last from mediation_counters k where k.unit_id = r.received_unit_id and k.year = r.year), 0)
               + (row_number() over (partition by r.received_unit_id, r.year order by r.received_on, r.g))::int as seq,
             case when r.status in ('agreed', 'failed', 'withdrawn')
                  then least(r.received_on + 1 + (r.g * 13) % 25, current_date - 1) end as closed_on
        from r`);
    await tx.execute(sql`
      insert into mediation_cases (id, unit_id, received_unit_id, year, seq, number, received_on, source,
        dispute_type_code, grade, division_code, summary, amount_fen, status, closed_on, outcome_note,
        agreement_form, agreement_facts, agreement_terms, performance_method, performance_due,
        agreement_effective_on, performance, created_at, updated_at)
      select b.id,
             -- the centre holds what it received until it routes it
             case when b.status = 'received' and b.at_centre then b.received_unit_id else b.committee_id end,
             b.received_unit_id, b.year, b.seq, u.prefix || '〔' || b.year || '〕' || b.seq || '号', b.received_on,
             (array['walkIn', 'court', 'police', 'petition', 'portal', 'own'])[1 + (b.g * 7) % 6],
             (${typeArray})[1 + (b.g * 11) % ${types.length}],
             case when b.level = 3 then 'difficult' when (b.g * 17) % 4 = 0 then 'complex' else 'simple' end,
             b.division_code, '压测案件' || b.g || '：双方就赔偿数额发生争议，申请人民调解。',
             ((b.g * 31) % 2000) * 1000, b.status, b.closed_on,
             case b.status when 'failed' then '双方分歧较大，调解不成，已告知当事人其他救济途径'
                           when 'withdrawn' then '申请人撤回调解申请' end,
             case when b.status = 'agreed' then case when b.g % 7 = 0 then 'oral' else 'written' end end,
             case when b.status = 'agreed' then '双方对主要事实无异议，争议集中在给付数额及期限。' end,
             case when b.status = 'agreed' then array['被申请人向申请人支付约定款项', '双方就本纠纷再无其他争议'] end,
             case when b.status = 'agreed' then '一次性现金或银行转账支付' end,
             case when b.status = 'agreed' then b.closed_on + 10 end,
             case when b.status = 'agreed' then b.closed_on end,
             case when b.status = 'agreed'
                  then case when b.closed_on > current_date - 20 then 'pending' else 'performed' end end,
             (b.received_on + time '10:00') at time zone 'Asia/Shanghai',
             (coalesce(b.closed_on, b.received_on) + time '17:00') at time zone 'Asia/Shanghai'
        from bench_med b join bench_units u on u.id = b.received_unit_id`);
    await tx.execute(sql`
      insert into mediation_parties (case_id, role, kind, name, gender, ethnicity, id_number_enc, phone_enc,
        address, representative, sort)
      select b.id, p.role, p.kind, p.name, p.gender, p.ethnicity, p.id_number_enc, p.phone_enc, p.address,
             p.representative, case p.role when 'applicant' then 0 else 1 end
        from bench_med b join bench_parties p
          on p.k = (b.g * case p.role when 'applicant' then 3 else 5 end) % p.n`);
    await tx.execute(sql`
      insert into mediation_case_mediators (case_id, mediator_id, lead)
      select b.id, b.mediators[1 + (b.g + j) % array_length(b.mediators, 1)], j = 0
        from bench_med b cross join generate_series(0, 1) j
       where b.status <> 'received' and array_length(b.mediators, 1) > 1 and (j = 0 or b.g % 3 = 0)`);
    await tx.execute(sql`
      insert into mediation_confirmations (case_id, applied_on, court, window_end, window_rule, ruling, ruled_on,
        ruling_number, created_at)
      select b.id, b.closed_on + 3, '索县人民法院', b.closed_on + 30,
             (select window_rule from mediation_confirmations order by id limit 1), 'confirmed', b.closed_on + 8,
             '（' || b.year || '）藏0626民特' || (1000 + b.g) || '号',
             (b.closed_on + 3 + time '10:00') at time zone 'Asia/Shanghai'
        from bench_med b
       where b.status = 'agreed' and b.g % 25 = 0 and b.closed_on < current_date - 10
         and exists (select 1 from mediation_confirmations)`);
    await tx.execute(sql`
      insert into mediation_counters (unit_id, year, last)
      select received_unit_id, year, max(seq) from bench_med group by received_unit_id, year
      on conflict (unit_id, year) do update set last = greatest(mediation_counters.last, excluded.last)`);
  });
}

/** Cleared in a copied file that is still open: what only a closing step writes. */
const CLOSING = new Set([
  'decision_type',
  'decided_on',
  'decision_findings',
  'decision_reasoning',
  'decision_order',
  'closed_on',
  'published_on',
  'termination_ground',
  'closing_note',
  'refused_on',
  'refusal_reason',
  'proper_organ',
  'abandoned_on',
]);
/** Kept in an open copy only when the step that wrote them (their date) has already happened. */
const STEP_OF: Record<string, string> = {
  extension_days: 'extended_on',
  extension_approved_by: 'extended_on',
  extension_reason: 'extended_on',
  committee_opinion: 'committee_consulted_on',
};

/**
 * 20,000 files of the organ, each a copy of one of the demo's closed files (every column, the dates
 * moved by whole days so received dates spread over 2022 to 200 days ago, and their suspensions);
 * every 50th is instead a decided file without suspension received 15–64 days ago and still open:
 * its closing columns and any step dated after today are cleared, and it is 审理中. Accepted files get
 * the next numbers of the organ's year; the counters end at the last number given.
 */
export async function loadReconsideration(db: Db) {
  const organs = await query<{ organ_unit_id: number }>(
    db,
    sql`select distinct organ_unit_id from reconsideration_cases where voided_at is null`,
  );
  if (!organs.length) throw new Error('the reconsideration demo has no cases to copy');
  const prefixes = await Promise.all(
    organs.map(async (o) => ({ id: o.organ_unit_id, prefix: await numberPrefixOf(db, o.organ_unit_id) })),
  );
  const cols = await query<{ column_name: string; data_type: string }>(
    db,
    sql`select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = 'reconsideration_cases' order by ordinal_position`,
  );
  const col = (c: string) => sql`t.${sql.identifier(c)}`;
  const shifted = (c: string) => sql`(${col(c)} + b.shift)`;
  const expr = (c: string, type: string): SQL => {
    if (c === 'id') return sql`b.id`;
    if (c === 'stage')
      return sql`case when b.open then case when b.accepted_on is null then 'intake' else 'accepted' end else t.stage end`;
    if (c === 'accepted_on' || c === 'case_year' || c === 'case_seq' || c === 'case_number')
      return sql`b.${sql.identifier(c)}`;
    if (c === 'submission_id') return sql`null`;
    if (CLOSING.has(c))
      return sql`case when b.open then null else ${type === 'date' ? shifted(c) : col(c)} end`;
    if (STEP_OF[c])
      return sql`case when b.open and (${shifted(STEP_OF[c])} is null or ${shifted(STEP_OF[c])} > current_date)
                      then null else ${col(c)} end`;
    if (type === 'date')
      return sql`case when b.open and ${shifted(c)} > current_date then null else ${shifted(c)} end`;
    if (c === 'created_at' || c === 'updated_at') return sql`${col(c)} + make_interval(days => b.shift)`;
    return col(c);
  };
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table bench_rc on commit drop as
      with tpl as (
        select c.id, c.organ_unit_id, c.received_on, c.accepted_on, c.stage,
               row_number() over (order by c.received_on, c.id)::int - 1 as k, count(*) over ()::int as n
          from reconsideration_cases c
         where c.voided_at is null and c.stage in ('refused', 'abandoned', 'decided', 'mediated', 'terminated')),
      open_tpl as (
        select t.*, row_number() over (order by t.received_on, t.id)::int - 1 as ok, count(*) over ()::int as on_
          from tpl t
         where t.stage = 'decided' and not exists (select 1 from reconsideration_suspensions s where s.case_id = t.id)),
      g as (select g, g % 50 = 0 as open from generate_series(1, ${lit(RECON_CASES)}) g),
      pick as (
        select g.g, g.open, t.id as tid, t.organ_unit_id, t.accepted_on,
               case when g.open then (current_date - 15 - (g.g / 50) % 50) - t.received_on
                    else (${FROM_SQL} + (g.g::bigint * 7919 % (current_date - 200 - ${FROM_SQL}))::int) - t.received_on
               end as shift
          from g join tpl t on not g.open and t.k = g.g % t.n
        union all
        select g.g, g.open, t.id, t.organ_unit_id, t.accepted_on, (current_date - 15 - (g.g / 50) % 50) - t.received_on
          from g join open_tpl t on g.open and t.ok = (g.g / 50) % t.on_),
      d as (
        select p.g, p.open, p.tid, p.organ_unit_id, p.shift,
               case when p.accepted_on + p.shift <= current_date then p.accepted_on + p.shift end as accepted_on
          from pick p),
      n as (
        select d.*, extract(year from d.accepted_on)::int as case_year,
               case when d.accepted_on is not null
                    then coalesce((select k.last from reconsideration_counters k
                                    where k.organ_unit_id = d.organ_unit_id and k.year = extract(year from d.accepted_on)), 0)
                         + (row_number() over (partition by d.organ_unit_id, d.accepted_on is null, extract(year from d.accepted_on)
                                              order by d.accepted_on, d.g))::int end as case_seq
          from d)
      select gen_random_uuid() as id, n.*,
             case when n.case_seq is not null then v.prefix || '〔' || n.case_year || '〕' || n.case_seq || '号' end as case_number
        from n join (values ${sql.join(
          prefixes.map((p) => sql.raw(`(${p.id}, '${p.prefix.replaceAll("'", "''")}')`)),
          sql`, `,
        )}) as v(organ, prefix) on v.organ = n.organ_unit_id`);
    await tx.execute(sql`
      update bench_rc set case_year = null where case_seq is null`);
    await tx.execute(sql`
      insert into reconsideration_cases (${sql.join(
        cols.map((c) => sql.identifier(c.column_name)),
        sql`, `,
      )})
      select ${sql.join(
        cols.map((c) => expr(c.column_name, c.data_type)),
        sql`, `,
      )}
        from bench_rc b join reconsideration_cases t on t.id = b.tid`);
    await tx.execute(sql`
      insert into reconsideration_suspensions (case_id, ground, from_on, to_on, note)
      select b.id, s.ground, s.from_on + b.shift, s.to_on + b.shift, s.note
        from bench_rc b join reconsideration_suspensions s on s.case_id = b.tid
       where not b.open`);
    await tx.execute(sql`
      insert into reconsideration_counters (organ_unit_id, year, last)
      select organ_unit_id, case_year, max(case_seq) from bench_rc where case_seq is not null
       group by organ_unit_id, case_year
      on conflict (organ_unit_id, year) do update set last = greatest(reconsideration_counters.last, excluded.last)`);
  });
}
