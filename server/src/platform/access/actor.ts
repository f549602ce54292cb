import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** One scope of one grant: a unit, alone or with its subtree, addressed by its materialised path. */
export interface Scope {
  path: string;
  subtree: boolean;
}

export interface Grant extends Scope {
  role: string;
  unitId: number;
  permissions: ReadonlySet<string>;
}

export interface ActorUser {
  id: string;
  username: string;
  displayName: string;
  unitId: number;
  unitPath: string;
  mustChangePassword: boolean;
}

/** Who is acting: a signed-in user with grants, the system (jobs, demo, CLI), or an anonymous visitor. */
export class Actor {
  private constructor(
    readonly kind: 'user' | 'system' | 'anonymous',
    readonly user: ActorUser | null,
    readonly grants: readonly Grant[],
  ) {}

  static user(user: ActorUser, grants: Grant[]): Actor {
    return new Actor('user', user, grants);
  }
  static readonly system = new Actor('system', null, []);
  static readonly anonymous = new Actor('anonymous', null, []);

  get id(): string | null {
    return this.user?.id ?? null;
  }
  get name(): string {
    return this.user ? this.user.username : this.kind;
  }

  can(permission: string): boolean {
    if (this.kind === 'system') return true;
    return this.grants.some((g) => g.permissions.has(permission));
  }

  /** The scopes in which this actor holds `permission`; the system actor holds the whole tree. */
  scopes(permission: string): Scope[] {
    if (this.kind === 'system') return [{ path: '/', subtree: true }];
    return this.grants
      .filter((g) => g.permissions.has(permission))
      .map(({ path, subtree }) => ({ path, subtree }));
  }

  /** Whether a unit (by path) lies inside this actor's scope for `permission`. */
  covers(permission: string, unitPath: string): boolean {
    return this.scopes(permission).some((s) => pathInScope(unitPath, s));
  }

  permissions(): string[] {
    return [...new Set(this.grants.flatMap((g) => [...g.permissions]))].sort();
  }
}

export function pathInScope(unitPath: string, s: Scope): boolean {
  return s.subtree ? unitPath.startsWith(s.path) : unitPath === s.path;
}

/**
 * The scope as a SQL condition on a unit-path column, so filtering happens in the query
 * (and uses the text_pattern_ops index), never after it.
 */
export function inScope(pathColumn: SQLWrapper, scopes: readonly Scope[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((s) =>
    s.subtree
      ? s.path === '/'
        ? sql`true`
        : sql`${pathColumn} like ${`${s.path}%`}`
      : sql`${pathColumn} = ${s.path}`,
  );
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}
