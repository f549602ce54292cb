import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitPath: z.string(),
  divisionCode: z.string(),
  locale: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unitId: z.number().int(),
      unitName: z.string(),
      subtree: z.boolean(),
    }),
  ),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  sessionIdleMinutes: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const Ok = z.object({ ok: z.literal(true) });
