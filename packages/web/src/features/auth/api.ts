import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { Session } from '../../shared/auth/types';

export interface PasswordPolicy {
  profile: string;
  minLength: number;
  maxLength: number;
  minClasses: number;
  historyCount: number;
  maxAgeDays: number;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  oldPassword: string;
  newPassword: string;
}

export interface MfaEnrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

export const startMfaEnrolment = (): Promise<MfaEnrolment> => api.post<MfaEnrolment>('/api/v1/auth/mfa/enrol');
export const confirmMfaEnrolment = (code: string): Promise<{ recoveryCodes: string[] }> =>
  api.post<{ recoveryCodes: string[] }>('/api/v1/auth/mfa/enrol/confirm', { code });
export const verifyMfa = (code: string): Promise<void> => api.post<void>('/api/v1/auth/mfa/verify', { code });

export const useStartMfaEnrolment = () => useMutation({ mutationFn: startMfaEnrolment });
export const useConfirmMfaEnrolment = () => useMutation({ mutationFn: confirmMfaEnrolment });
export const useVerifyMfa = () => useMutation({ mutationFn: verifyMfa });

export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/api/v1/auth/login', input);
}

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post<void>('/api/v1/auth/password', input);
}

export function fetchPasswordPolicy(signal?: AbortSignal): Promise<PasswordPolicy> {
  return api.get<PasswordPolicy>('/api/v1/auth/password-policy', undefined, signal);
}

export function useLoginMutation() {
  return useMutation({ mutationFn: login });
}

export function useChangePasswordMutation() {
  return useMutation({ mutationFn: changePassword });
}

export function usePasswordPolicy() {
  return useQuery({
    queryKey: ['auth', 'password-policy'],
    queryFn: ({ signal }) => fetchPasswordPolicy(signal),
    staleTime: 5 * 60_000,
  });
}
