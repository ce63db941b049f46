import os from 'node:os';

/** The operating-system account behind a CLI change: the closest thing to an actor the CLI has. */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown'; // containers may run under a uid with no passwd entry
  }
}
