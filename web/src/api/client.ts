import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** A problem+json answer from the server: a stable code, a Chinese detail, and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
    /** the problem's other members (an import's report…), as the route documents them */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'fazhi_csrf';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | undefined {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

type Listener = (e: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when a signed-in request comes back 401 (idle timeout, session revoked). */
export function onUnauthorized(fn: Listener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (WRITES.has(request.method)) {
      const token = readCookie(CSRF_COOKIE);
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/**
 * The body of a multipart route for openapi-fetch: the fields typed by the generated form (`FormReq`),
 * sent as FormData so the browser sets the boundary. The CSRF middleware above applies as usual.
 */
export function formData<T extends Record<string, string>>(fields: { [K in keyof T]: string | Blob }) {
  return {
    body: fields as unknown as T,
    bodySerializer: () => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v as string | Blob);
      return fd;
    },
  };
}

function toError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body) {
    const p = body as { code: string; detail?: string; errors?: { field: string; message: string }[] };
    return new ApiError(status, p.code, p.detail ?? p.code, p.errors ?? [], body as Record<string, unknown>);
  }
  return new ApiError(status, 'HTTP_' + status, typeof body === 'string' && body ? body : `HTTP ${status}`);
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError built from the problem+json body.
 * `quiet401` is for the calls that probe the session (me, login) and must not raise the expiry alarm.
 */
export async function call<D>(
  request: Promise<{ data?: D; error?: unknown; response: Response }>,
  opts: { quiet401?: boolean } = {},
): Promise<NonNullable<D>> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const e = toError(response.status, error);
    if (response.status === 401 && !opts.quiet401) unauthorizedListeners.forEach((fn) => fn(e));
    throw e;
  }
  return data as NonNullable<D>;
}
