import { beijingDate } from '../../packages/core/src/platform/beijing-date.ts';
import { nextCode, rememberSecret, secretOf } from './totp.ts';

/** A minimal HTTP client for setting up e2e fixtures through the real API (cookie + CSRF token). */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { csrfToken: string; user: { mfa: 'done' | 'verify' | 'enrol' } };
    this.csrf = body.csrfToken;
    // The second step (ADR 018): administrators enrol TOTP at first login, then verify each time.
    if (body.user.mfa === 'enrol') {
      const { secret } = await this.call<{ secret: string }>('POST', '/api/v1/auth/mfa/enrol');
      rememberSecret(this.baseUrl, username, secret);
      await this.call('POST', '/api/v1/auth/mfa/enrol/confirm', { code: await nextCode(this.baseUrl, username) });
    } else if (body.user.mfa === 'verify' && secretOf(this.baseUrl, username)) {
      await this.call('POST', '/api/v1/auth/mfa/verify', { code: await nextCode(this.baseUrl, username) });
    }
  }

  /** `headers`: extra request headers, e.g. the x-exam-session token of an exam attempt. */
  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * Journeys open public notices (公示) on the real date. From late December a notice runs into
   * next year, and the platform refuses it until someone has entered that year's official
   * holidays (the packaged calendar ends with its release year). Political staff then enter the
   * year as published, so the journey enters it here, provisionally: New Year's Day only, as the
   * note says. The account needs `workflow:calendar`.
   */
  async ensureNextYearCalendar(): Promise<void> {
    const next = Number(beijingDate(new Date()).slice(0, 4)) + 1;
    if ((await this.call<{ version: number }>('GET', `/api/v1/workflow/calendar/${next}`)).version > 0) return;
    await this.call('PUT', `/api/v1/workflow/calendar/${next}`, {
      holidays: [`${next}-01-01`],
      workdays: [],
      note: '暂按元旦，待国务院办公厅通知',
    });
  }

  /** First login of an account: change its one-time password. */
  async firstLogin(username: string, initial: string, next: string): Promise<void> {
    await this.login(username, initial);
    await this.call('POST', '/api/v1/auth/password', { oldPassword: initial, newPassword: next });
  }
}
