/** Tag colours of leave and alert states. */
export const statusColor = (s: string): string =>
  ({
    pending: 'processing',
    approved: 'success',
    rejected: 'error',
    withdrawn: 'default',
    cancelled: 'default',
    open: 'error',
    acknowledged: 'warning',
    closed: 'default',
    crisis: 'magenta',
  })[s] ?? 'default';
