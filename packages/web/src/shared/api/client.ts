import i18n from 'i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE, type ApiErrorDetails } from './api-error';
import { toQueryString, type QueryParams } from './query-string';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

type AuthFailureListener = (error: ApiError, path: string) => void;

let csrfToken: string | null = null;
let authFailureListener: AuthFailureListener | null = null;

/** The token comes from login or GET /auth/me; it is kept in memory only (never in storage). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One listener (the AuthProvider) learns about 401s and 403 PASSWORD_CHANGE_REQUIRED anywhere. */
export function setAuthFailureListener(listener: AuthFailureListener | null): void {
  authFailureListener = listener;
}

export function buildHeaders(method: Method, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json, */*;q=0.5', 'Accept-Language': i18n.language || 'zh-CN' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a non-2xx response into an ApiError, keeping the server's localised message when there is one. */
export async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's HTML 502 page): fall through to the generic message.
  }
  const error = isRecord(payload) ? payload.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    const details: ApiErrorDetails = isRecord(error.details) ? error.details : {};
    return new ApiError(response.status, error.code, message, details);
  }
  return new ApiError(response.status, UNEXPECTED_RESPONSE, i18n.t('errors.unexpected', { status: response.status }));
}

export async function sendRequest(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    authFailureListener?.(error, path);
    throw error;
  }
  return response;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendRequest(method, path, options);
  if (response.status === 204) return undefined as T; // why: 204 carries no body; callers type these as void
  const text = await response.text();
  // why: the body is JSON shaped by the server's response schema (docs/api-v1.md); the client trusts the contract.
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
