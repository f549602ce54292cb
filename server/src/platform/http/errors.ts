/**
 * One error shape for the whole API: RFC 9457 problem+json with a stable `code` and a Chinese `detail`.
 * Domain code throws these; the error handler in http/plugin.ts presents them.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string, id: string | number) =>
  new DomainError(404, 'NOT_FOUND', `${what}不存在或无权查看（${id}）`, { id });

export const conflict = <C extends string>(code: C, detail: string, extra?: Record<string, unknown>) =>
  new DomainError(409, code, detail, extra);

export const badInput = (field: string, detail: string) =>
  new DomainError(400, 'INVALID_INPUT', detail, { errors: [{ field, message: detail }] });

export const forbidden = (detail = '没有执行此操作的权限') => new DomainError(403, 'FORBIDDEN', detail);

export const unauthorized = (detail = '请先登录') => new DomainError(401, 'UNAUTHENTICATED', detail);

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  [k: string]: unknown;
}
