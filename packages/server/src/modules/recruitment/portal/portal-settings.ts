import type { AppContext } from '../../../platform/context.ts';
import { messageSenderFor, type MessageSender } from './message-sender.ts';

/** Portal settings from the environment, checked once when the routes are registered. */
export interface PortalSettings {
  /** PORTAL_CAPTCHA=off: no captcha check and the registration code 000000 (tests and benchmarks only). */
  readonly captchaOff: boolean;
  /** PORTAL_RATE_SCALE: multiplies every portal rate limit (benchmarks from one address). */
  readonly rateScale: number;
  readonly sender: MessageSender;
}

const overrides = new WeakMap<AppContext, Partial<PortalSettings>>();
const base = new WeakMap<AppContext, PortalSettings>();

export function loadPortalSettings(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): PortalSettings {
  const captchaOff = env.PORTAL_CAPTCHA === 'off';
  if (captchaOff && ctx.config.production) throw new Error('PORTAL_CAPTCHA=off is refused in production (NODE_ENV=production)');
  if (captchaOff)
    process.stderr.write(
      'WARNING: PORTAL_CAPTCHA=off — portal captcha and verification codes are not checked (tests and benchmarks only)\n',
    );
  const rateScale = Number(env.PORTAL_RATE_SCALE ?? '1');
  if (!Number.isInteger(rateScale) || rateScale < 1)
    throw new Error(`PORTAL_RATE_SCALE must be a positive integer, got "${env.PORTAL_RATE_SCALE}"`);
  const settings = { captchaOff, rateScale, sender: messageSenderFor(env.PORTAL_MESSAGE_SENDER) };
  base.set(ctx, settings);
  return settings;
}

export function portalSettings(ctx: AppContext): PortalSettings {
  const b = base.get(ctx) ?? loadPortalSettings(ctx);
  const o = overrides.get(ctx);
  return o ? { ...b, ...o } : b;
}

/** Tests change settings of one running app (a sender that records, the captcha switch). */
export function overridePortalSettings(ctx: AppContext, settings: Partial<PortalSettings>): void {
  if (ctx.config.production) throw new Error('portal settings cannot be overridden in production');
  overrides.set(ctx, { ...overrides.get(ctx), ...settings });
}
