import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every setting the server reads from the environment, validated once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** 32 bytes, hex: the SM4 key for personal fields at rest. Generated into DATA_DIR when absent. */
  FAZHI_FIELD_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'FAZHI_FIELD_KEY 必须是 32 位十六进制（SM4 128 位密钥）')
    .optional(),
  FAZHI_DEMO: bool.default(true),
  FAZHI_DEMO_PASSWORD: z.string().min(8).default('Fazhi@2023'),
  FAZHI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  FAZHI_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  FAZHI_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).default(180),
  FAZHI_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Where attachments are kept; DATA_DIR/files when unset (a temp dir for an in-memory database). */
  FAZHI_FILES_DIR: z.string().optional(),
  FAZHI_SECURE_COOKIE: bool.default(false),
  FAZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FAZHI_TRUST_PROXY: bool.default(false),
  /** HMAC key (hex, ≥ 32 digits) signing the portal's proof-of-work challenges; random per process when unset. */
  FAZHI_INTAKE_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32,128}$/, 'FAZHI_INTAKE_KEY 必须是 32–128 位十六进制')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Leading zero bits the portal's proof of work needs (17 ≈ one second in a browser). */
  FAZHI_INTAKE_POW_BITS: z.coerce.number().int().min(0).max(28).default(17),
  /** Outgoing mail for notifications (smtp://user:pass@host:587, smtps://… for implicit TLS); none when unset. */
  FAZHI_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'FAZHI_SMTP_URL 应形如 smtp://用户名:密码@主机:端口' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The sender, e.g. "索县依法治县办 <fazhi@suo.gov.cn>"; required with FAZHI_SMTP_URL. */
  FAZHI_SMTP_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
      'FAZHI_SMTP_FROM 应为邮箱地址，可带名称：名称 <地址>',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  fieldKeyHex: string | undefined;
  demo: boolean;
  demoPassword: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  auditRetentionDays: number;
  uploadMaxBytes: number;
  /** attachment store; undefined: DATA_DIR/files, or a temp dir when the database is in memory */
  filesDir: string | undefined;
  secureCookie: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** undefined: a random key per process (challenges then do not survive a restart or span servers) */
  intakeKeyHex: string | undefined;
  intakePowBits: number;
  /** undefined: notifications are not mailed */
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.FAZHI_SMTP_URL && !e.FAZHI_SMTP_FROM)
    throw new ConfigError(
      '配置错误 (configuration error):\n  FAZHI_SMTP_FROM: 设置了 FAZHI_SMTP_URL 时须同时设置发件人地址',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    fieldKeyHex: e.FAZHI_FIELD_KEY,
    demo: e.FAZHI_DEMO,
    demoPassword: e.FAZHI_DEMO_PASSWORD,
    sessionIdleMinutes: e.FAZHI_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.FAZHI_SESSION_MAX_HOURS,
    auditRetentionDays: e.FAZHI_AUDIT_RETENTION_DAYS,
    uploadMaxBytes: e.FAZHI_UPLOAD_MAX_MB * 1024 * 1024,
    filesDir: e.FAZHI_FILES_DIR ? path.resolve(e.FAZHI_FILES_DIR) : undefined,
    secureCookie: e.FAZHI_SECURE_COOKIE,
    logLevel: e.FAZHI_LOG_LEVEL,
    trustProxy: e.FAZHI_TRUST_PROXY,
    intakeKeyHex: e.FAZHI_INTAKE_KEY,
    intakePowBits: e.FAZHI_INTAKE_POW_BITS,
    smtpUrl: e.FAZHI_SMTP_URL,
    smtpFrom: e.FAZHI_SMTP_FROM,
  };
}
