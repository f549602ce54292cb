import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { inTx, type RequestContext, type Tx } from '../../db/tx.js';
import type { AuditEntry } from '../audit/chain.js';
import { DomainError } from '../http/errors.js';
import { readSheet, type ParsedRow, type RowError, type SheetDef } from './sheet.js';

/** A problem with one row that the domain found (unknown parent, duplicate…): reported, not thrown out. */
export class RowProblem extends Error {
  constructor(
    readonly reason: string,
    /** the column's key, when one cell is at fault */
    readonly column?: string,
  ) {
    super(reason);
  }
}

export interface ImportOptions<K extends string, C> {
  db: Db;
  ctx: RequestContext;
  sheet: SheetDef<K>;
  bytes: Buffer;
  /** true: validate only, nothing is kept */
  dryRun: boolean;
  /** DomainError fields (`parentId`) → the column key they concern (`parent`) */
  fieldColumns?: Partial<Record<string, K>>;
  /** Writes one valid row inside the import's transaction; throws RowProblem or DomainError for a row error. */
  apply(t: Tx, row: ParsedRow<K>): Promise<C>;
}

export interface ImportReport<C> {
  dryRun: boolean;
  committed: boolean;
  /** data rows in the file */
  total: number;
  /** rows without an error */
  valid: number;
  errors: RowError[];
  /** what was written, in file order; empty unless committed */
  created: C[];
}

export const RowErrorView = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});

export const ImportReportView = <T extends z.ZodType>(created: T) =>
  z.object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    total: z.number().int(),
    valid: z.number().int(),
    errors: z.array(RowErrorView),
    created: z.array(created),
  });

export const DryRunQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
});

class Rollback extends Error {}

/**
 * template → dry run → per-row report → commit. Every row is applied for real inside one transaction
 * (each in its own savepoint, so one bad row does not poison the rest), which lets later rows refer to
 * earlier ones and makes the dry run exactly the commit's checks. Then the transaction is rolled back
 * when it was a dry run or any row failed: all rows or none.
 *
 * A commit with errors answers 422 IMPORT_HAS_ERRORS carrying the same report.
 */
export async function runImport<K extends string, C>(o: ImportOptions<K, C>): Promise<ImportReport<C>> {
  const { rows, errors } = await readSheet(o.sheet, o.bytes);
  const header = (key: string | undefined) =>
    key ? (o.sheet.columns.find((c) => c.key === key)?.header ?? null) : null;
  const created: C[] = [];
  const failed = new Set<number>(errors.map((e) => e.row));

  const run = async (t: Tx) => {
    for (const row of rows) {
      if (!row.ok) continue;
      const pending: AuditEntry[] = [];
      try {
        const out = await t.db.transaction((sp) =>
          o.apply({ db: sp as unknown as Db, ctx: t.ctx, audit: (e) => pending.push(e) }, row),
        );
        pending.forEach((e) => t.audit(e));
        created.push(out);
      } catch (e) {
        const problem = rowProblem(e, o.fieldColumns);
        if (!problem) throw e;
        failed.add(row.row);
        errors.push({ row: row.row, column: header(problem.column), reason: problem.reason });
      }
    }
    if (o.dryRun || errors.length) throw new Rollback();
  };

  let committed = false;
  if (rows.length && (rows.some((r) => r.ok) || !o.dryRun)) {
    try {
      await inTx(o.db, o.ctx, run);
      committed = true;
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport<C> = {
    dryRun: o.dryRun,
    committed,
    total: rows.length,
    valid: rows.filter((r) => r.ok && !failed.has(r.row)).length,
    errors,
    created: committed ? created : [],
  };
  if (!o.dryRun && !committed)
    throw new DomainError(
      422,
      'IMPORT_HAS_ERRORS',
      `导入文件有 ${errors.length} 处错误，未写入任何数据；请按错误清单修改后重新导入`,
      { report },
    );
  return report;
}

function rowProblem(e: unknown, fields?: Partial<Record<string, string>>): RowProblem | null {
  if (e instanceof RowProblem) return e;
  if (e instanceof DomainError && e.status < 500) {
    const field = (e.extra.errors as { field?: string }[] | undefined)?.[0]?.field;
    return new RowProblem(e.detail, field ? (fields?.[field] ?? field) : undefined);
  }
  // A unique index the domain checks did not foresee (e.g. a concurrent insert).
  if ((e as { code?: string }).code === '23505') return new RowProblem('与已有数据重复');
  return null;
}
