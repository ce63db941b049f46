/** Rules repeated from the server so the form answers before the request is sent. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** The applicant password policy (docs/api-recruitment.md): 8+ characters, letters and digits. */
export function passwordStrongEnough(password: string): boolean {
  return password.length >= 8 && password.length <= 64 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
