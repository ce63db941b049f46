import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { ApiError, NETWORK_ERROR, isApiError } from '../../shared/api/api-error';
import { toApiError } from '../../shared/api/client';
import { filenameFromDisposition, saveBlob } from '../../shared/api/download';
import { photoMime } from './photo-check';
import type { ApplicantOfResponse, IssueCaptchaResponse } from '@zhenggong/core';
import type {
  Announcement,
  AnnouncementSummary,
  ApplicationDetail,
  ApplicationInput,
  FileCategory,
  MyApplication,
  PortalSession,
  Publicity,
  ScoreResult,
} from './types';

/**
 * The applicant's own client: a separate session (cookie `zg_applicant`) and a separate CSRF
 * header, so nothing here ever carries or touches a staff session.
 */
const BASE = '/api/v1/portal';
let portalCsrf: string | null = null;

function headers(method: string, contentType?: string): Headers {
  const h = new Headers({ Accept: 'application/json, */*;q=0.5', 'Accept-Language': i18n.language || 'zh-CN' });
  if (contentType) h.set('Content-Type', contentType);
  if (method !== 'GET' && portalCsrf) h.set('x-portal-csrf', portalCsrf);
  return h;
}

async function send(method: string, path: string, init: { body?: BodyInit; contentType?: string; extra?: Record<string, string> } = {}) {
  const h = headers(method, init.contentType);
  for (const [key, value] of Object.entries(init.extra ?? {})) h.set(key, value);
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { method, credentials: 'same-origin', headers: h, body: init.body });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function json<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
  const response = await send(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : 'application/json',
    extra,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const portalKeys = {
  me: ['portal', 'me'] as const,
  announcements: ['portal', 'announcements'] as const,
  announcement: (id: string) => ['portal', 'announcement', id] as const,
  publicity: (id: string) => ['portal', 'publicity', id] as const,
  applications: ['portal', 'applications'] as const,
  application: (id: string) => ['portal', 'applications', id] as const,
  scores: (id: string) => ['portal', 'applications', id, 'scores'] as const,
  photo: (id: string) => ['portal', 'applications', id, 'photo'] as const,
};

const enc = encodeURIComponent;

// ---- session -------------------------------------------------------------------------------

export function usePortalMe() {
  return useQuery({
    queryKey: portalKeys.me,
    queryFn: async () => {
      try {
        const session = await json<PortalSession>('GET', '/me');
        portalCsrf = session.csrf;
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          portalCsrf = null;
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export type Captcha = IssueCaptchaResponse;

export const fetchCaptcha = () => json<Captcha>('GET', '/captcha');

export const sendVerificationCode = (body: { phone: string; captchaId: string; captchaAnswer: string }) =>
  json<void>('POST', '/verification-code', body);

function useAcceptSession() {
  const queryClient = useQueryClient();
  return (session: PortalSession) => {
    portalCsrf = session.csrf;
    queryClient.removeQueries({ queryKey: portalKeys.applications });
    queryClient.setQueryData(portalKeys.me, session);
  };
}

export function useRegister() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (body: { phone: string; code: string; password: string }) => json<PortalSession>('POST', '/register', body),
    onSuccess: accept,
  });
}

export function useLogin() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (body: { phone: string; password: string; captchaId: string; captchaAnswer: string }) =>
      json<PortalSession>('POST', '/login', body),
    onSuccess: accept,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await json<void>('POST', '/logout', {});
      } catch {
        // Already signed out on the server: forgetting the session here is what matters.
      }
    },
    onSettled: () => {
      portalCsrf = null;
      queryClient.removeQueries({ queryKey: portalKeys.applications });
      queryClient.setQueryData(portalKeys.me, null);
    },
  });
}

// ---- public reading ------------------------------------------------------------------------

export function useAnnouncements() {
  return useQuery({ queryKey: portalKeys.announcements, queryFn: () => json<AnnouncementSummary[]>('GET', '/announcements') });
}

export function useAnnouncement(id: string | undefined) {
  return useQuery({
    queryKey: portalKeys.announcement(id ?? ''),
    queryFn: () => json<Announcement>('GET', `/announcements/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function usePublicity(id: string) {
  return useQuery({
    queryKey: portalKeys.publicity(id),
    queryFn: () => json<Publicity>('GET', `/announcements/${enc(id)}/publicity`),
    retry: false,
  });
}

// ---- own applications ----------------------------------------------------------------------

export function useMyApplications(enabled: boolean) {
  return useQuery({ queryKey: portalKeys.applications, queryFn: () => json<MyApplication[]>('GET', '/applications'), enabled });
}

export function useMyApplication(id: string | undefined) {
  return useQuery({
    queryKey: portalKeys.application(id ?? ''),
    queryFn: () => json<ApplicationDetail>('GET', `/applications/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useScores(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.scores(id),
    queryFn: () => json<ScoreResult>('GET', `/applications/${enc(id)}/scores`),
    enabled,
    retry: false,
  });
}

function useInvalidateApplications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: portalKeys.applications });
}

/** One key per filled form: a double click or a retried request makes one application. */
export function useCreateApplication(idempotencyKey: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (input: ApplicationInput) => json<ApplicationDetail>('POST', '/applications', input, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateApplication(id: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (input: Omit<ApplicationInput, 'postId'>) => json<ApplicationDetail>('PATCH', `/applications/${enc(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useResubmit(id: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({ mutationFn: () => json<ApplicationDetail>('POST', `/applications/${enc(id)}/resubmit`, {}), onSuccess: invalidate });
}

export function useUploadPhoto(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: async (file: File) => {
      await send('PUT', `/applications/${enc(id)}/photo`, { body: file, contentType: await photoMime(file) });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.photo(id) });
      await invalidate();
    },
  });
}

export function useUploadFile(id: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: async ({ file, category }: { file: File; category: FileCategory }) => {
      const form = new FormData();
      // Fields before the file: a streaming multipart parser reads them first.
      form.append('category', category);
      form.append('file', file, file.name);
      const response = await send('POST', `/applications/${enc(id)}/files`, { body: form });
      return (await response.json()) as ApplicantOfResponse;
    },
    onSuccess: invalidate,
  });
}

export function useDeleteFile(id: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (fileId: string) => json<void>('DELETE', `/applications/${enc(id)}/files/${enc(fileId)}`),
    onSuccess: invalidate,
  });
}

/** The 准考证 PDF through fetch, so a refusal shows as a message instead of a JSON page. */
export async function downloadTicket(id: string): Promise<void> {
  const response = await send('GET', `/applications/${enc(id)}/ticket`);
  saveBlob(await response.blob(), filenameFromDisposition(response.headers.get('Content-Disposition'), 'admission-ticket.pdf'));
}

export async function downloadOwnFile(id: string, fileId: string, name: string): Promise<void> {
  const response = await send('GET', `/applications/${enc(id)}/files/${enc(fileId)}`);
  saveBlob(await response.blob(), name);
}

export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/** The stored photo as a data URL (the page's CSP allows data: images, not blob:); null when none. */
export function usePhoto(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.photo(id),
    queryFn: async () => {
      try {
        const response = await send('GET', `/applications/${enc(id)}/photo`);
        return await readAsDataUrl(await response.blob());
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
  });
}
