import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAuthFailureListener, setCsrfToken } from '../api/client';
import { isApiError } from '../api/api-error';
import { AuthContext, type AuthContextValue } from './auth-context';
import type { Me, Session } from './types';

export const meQueryKey = ['auth', 'me'] as const;

const SESSION_ENDED = new Set(['AUTH_REQUIRED', 'SESSION_EXPIRED']);
// Paths whose 401 means "wrong input" or "not signed in yet", not "your session just ended".
const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/auth/logout'];

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);

  const meQuery = useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const session = await api.get<Session>('/api/v1/auth/me');
        setCsrfToken(session.csrfToken);
        return session.user;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(null);
          if (error.code === 'SESSION_EXPIRED') setExpired(true);
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

  const endSession = useCallback(
    (becauseExpired: boolean) => {
      setCsrfToken(null);
      setExpired(becauseExpired);
      // Drop every cached business row so the next user of this browser never sees them.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
    [queryClient],
  );

  useEffect(() => {
    setAuthFailureListener((error, path) => {
      if (AUTH_PATHS.includes(path)) return;
      if (error.status === 401 && SESSION_ENDED.has(error.code)) endSession(true);
      else if (error.status === 403 && ['PASSWORD_CHANGE_REQUIRED', 'MFA_REQUIRED', 'MFA_ENROLMENT_REQUIRED'].includes(error.code)) {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    });
    return () => setAuthFailureListener(null);
  }, [endSession, queryClient]);

  const acceptSession = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      setExpired(false);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, session.user);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    return queryClient.getQueryData<Me | null>(meQueryKey) ?? null;
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/v1/auth/logout');
    } catch {
      // The session may already be gone on the server; signing out locally is what matters.
    }
    endSession(false);
  }, [endSession]);

  const me = meQuery.data ?? null;
  // An error other than 401 (server down) is treated as signed out; the login page shows the error on submit.
  const status: AuthContextValue['status'] = meQuery.isPending ? 'loading' : me ? 'authenticated' : 'anonymous';

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, expired, acceptSession, refresh, logout }),
    [status, me, expired, acceptSession, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
