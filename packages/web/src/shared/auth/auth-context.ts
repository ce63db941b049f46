import { createContext } from 'react';
import type { Me, Session } from './types';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  /** True when the last session ended because the server said it expired (or a call got 401). */
  expired: boolean;
  /** Store the session returned by POST /auth/login. */
  acceptSession: (session: Session) => void;
  /** Re-read GET /auth/me (e.g. after a password change). */
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
