import { useAuth } from './useAuth';

/**
 * True when the signed-in user holds the permission (or, for an array, every one of them).
 * Hiding a control is only a convenience: the server checks every request again.
 */
export function usePermission(permission: string | readonly string[]): boolean {
  const { me } = useAuth();
  if (!me) return false;
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.every((code) => me.permissions.includes(code));
}
