import net from 'node:net';
import path from 'node:path';
import type { PasswordPolicy } from '@zhenggong/core';
import { passwordPolicies } from '@zhenggong/core';

/** Runtime configuration, read once from the environment with safe defaults. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `sqlite` (file in dataDir) unless DATABASE_URL is a postgres:// URL. */
  readonly databaseUrl: string | undefined;
  readonly production: boolean;
  /** GB/T 2260 code of the city instance; carried by every business row. */
  readonly cityCode: string;
  readonly logLevel: string;
  readonly passwordPolicy: PasswordPolicy;
  readonly lockout: { readonly maxFailures: number; readonly lockMinutes: number };
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly loginRateLimit: { readonly max: number; readonly windowMs: number };
  readonly bodyLimitBytes: number;
  /** How often this instance's job runner looks for due jobs; 0 turns the runner off (tests tick it by hand). */
  readonly jobTickMs: number;
  /** Police number (警号) format of this province. */
  readonly policeNumberPattern: RegExp;
  /**
   * Second factor (ADR 018): required for the three administrators under the `mlps3` profile
   * (MFA_ADMINS=off to lift it, e.g. behind a certificate gateway) and for the roles listed in
   * MFA_REQUIRED_ROLES (comma-separated role codes). `driftSteps` 30-second steps either side.
   */
  readonly mfa: {
    readonly requireAdmins: boolean;
    readonly requiredRoles: readonly string[];
    readonly driftSteps: number;
    readonly issuer: string;
  };
  /** Directory of the built web app; served at / when present. */
  readonly webDist: string;
  /** `gm`: SM4 fields, HMAC-SM3 audit chain (ADR 019); `default`: AES-256-GCM, HMAC-SHA-256. */
  readonly cryptoProfile: CryptoProfile;
  /** CIDRs the three administrators may work from (L3-CES1-19); empty: anywhere. */
  readonly adminIpAllowlist: readonly string[];
  /** L3-CES1-22: this many failed logins or denials from one address within the window block it. */
  readonly intrusion: { readonly maxFailures: number; readonly windowMinutes: number; readonly blockMinutes: number };
  /** L3-CES1-07: accounts unused this many days are disabled (0: never). */
  readonly accountInactiveDays: number;
  /**
   * ADR 027: `city` (default; SQLite or PostgreSQL) or `province` (PostgreSQL): a province holds
   * every subscribed city's rows read-only and refuses writes to them.
   */
  readonly instanceRole: 'city' | 'province';
  /** A city that joins a province: where to check that an additive migration reached the province first. */
  readonly provinceDatabaseUrl: string | undefined;
  /** A city on PostgreSQL beats its replicated heartbeat row this often (0: off). */
  readonly heartbeatSeconds: number;
}

export type CryptoProfile = 'gm' | 'default';

/** "10.1.0.0/16, 192.168.3.7" → CIDRs; a bad entry stops the start instead of opening the door. */
function cidrList(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const entry = part.trim();
    const [address = '', bits] = entry.split('/');
    const family = net.isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`ADMIN_IP_ALLOWLIST entry "${entry}" is not an IP address or CIDR`);
    }
    return `${address}/${prefix}`;
  });
}

function cryptoProfile(value: string | undefined): CryptoProfile {
  if (value === undefined || value === '' || value === 'default') return 'default';
  if (value === 'gm') return 'gm';
  throw new Error(`CRYPTO_PROFILE must be "gm" or "default", got "${value}"`);
}

function instanceRole(value: string | undefined): 'city' | 'province' {
  if (value === undefined || value === '' || value === 'city') return 'city';
  if (value === 'province') return 'province';
  throw new Error(`INSTANCE_ROLE must be "city" or "province", got "${value}"`);
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const profile = env.PASSWORD_POLICY === 'asvs' ? 'asvs' : 'mlps3';
  const base = passwordPolicies[profile];
  const cityCode = env.CITY_CODE ?? '330100';
  if (!/^\d{6}$/.test(cityCode)) throw new Error(`CITY_CODE must be a 6-digit GB/T 2260 code, got "${cityCode}"`);
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    production: env.NODE_ENV === 'production',
    cityCode,
    logLevel: env.LOG_LEVEL ?? 'info',
    passwordPolicy: {
      ...base,
      minLength: int(env.PASSWORD_MIN_LENGTH, base.minLength, 'PASSWORD_MIN_LENGTH'),
      maxAgeDays: int(env.PASSWORD_MAX_AGE_DAYS, base.maxAgeDays, 'PASSWORD_MAX_AGE_DAYS'),
    },
    lockout: {
      maxFailures: int(env.LOCKOUT_MAX_FAILURES, 5, 'LOCKOUT_MAX_FAILURES'),
      lockMinutes: int(env.LOCKOUT_MINUTES, 30, 'LOCKOUT_MINUTES'),
    },
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
      absoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    },
    loginRateLimit: { max: int(env.LOGIN_RATE_MAX, 20, 'LOGIN_RATE_MAX'), windowMs: 60_000 },
    policeNumberPattern: new RegExp(env.POLICE_NUMBER_PATTERN ?? '^\\d{6,7}$'),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1_048_576, 'BODY_LIMIT_BYTES'),
    jobTickMs: int(env.JOB_TICK_MS, 5000, 'JOB_TICK_MS'),
    mfa: {
      requireAdmins: env.MFA_ADMINS === 'on' || (profile === 'mlps3' && env.MFA_ADMINS !== 'off'),
      requiredRoles: (env.MFA_REQUIRED_ROLES ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
      driftSteps: int(env.MFA_DRIFT_STEPS, 1, 'MFA_DRIFT_STEPS'),
      issuer: env.MFA_ISSUER ?? '智慧政工',
    },
    cryptoProfile: cryptoProfile(env.CRYPTO_PROFILE),
    adminIpAllowlist: cidrList(env.ADMIN_IP_ALLOWLIST),
    intrusion: {
      maxFailures: int(env.INTRUSION_MAX_FAILURES, 20, 'INTRUSION_MAX_FAILURES'),
      windowMinutes: int(env.INTRUSION_WINDOW_MINUTES, 5, 'INTRUSION_WINDOW_MINUTES'),
      blockMinutes: int(env.INTRUSION_BLOCK_MINUTES, 15, 'INTRUSION_BLOCK_MINUTES'),
    },
    accountInactiveDays: int(env.ACCOUNT_INACTIVE_DAYS, 90, 'ACCOUNT_INACTIVE_DAYS'),
    instanceRole: instanceRole(env.INSTANCE_ROLE),
    provinceDatabaseUrl: env.PROVINCE_DATABASE_URL || undefined,
    heartbeatSeconds: int(env.REPLICATION_HEARTBEAT_SECONDS, 5, 'REPLICATION_HEARTBEAT_SECONDS'),
    webDist: path.resolve(env.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    ...overrides,
  };
}
