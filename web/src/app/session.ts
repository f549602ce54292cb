import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call } from '../api/client';
import type { Locale, Me } from '../api/types';
import i18n, { isLocale, storeLocale, storedLocale } from '../i18n';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call(api.GET('/api/auth/me'), { quiet401: true });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Permissions come from the server; the page only asks. */
export function useCan() {
  const { data } = useMe();
  return (permission: string) => !!data?.permissions.includes(permission);
}

export function applyUserLocale(me: Me) {
  const l = isLocale(me.locale) ? me.locale : storedLocale();
  storeLocale(l);
  void i18n.changeLanguage(l);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      call(api.POST('/api/auth/login', { body }), { quiet401: true }),
    onSuccess: (me) => {
      qc.clear();
      applyUserLocale(me);
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/auth/logout'), { quiet401: true }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/auth/password', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

/** Switches the interface language: stored on the account when signed in, in the browser otherwise. */
export function useSetLocale() {
  const { data: me } = useMe();
  return async (l: Locale) => {
    storeLocale(l);
    await i18n.changeLanguage(l);
    if (me) await call(api.PUT('/api/auth/locale', { body: { locale: l } })).catch(() => undefined);
  };
}
