import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';
import { beijingToday } from '../../shared/utils/beijing-today';

export type AuditOutcome = 'success' | 'failure';

export interface AuditEntry {
  id: string;
  seq: number;
  ts: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  srcIp: string | null;
  eventType: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  detail: unknown;
}

export interface AuditFilter {
  actor?: string;
  eventType?: string;
  outcome?: AuditOutcome;
  /** ISO-8601 instants: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  objectId?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
}

export type AuditListQuery = AuditFilter & { page: number; pageSize: number; sort?: '-seq' | 'seq' };

export const fetchAudit = (query: AuditListQuery, signal?: AbortSignal) =>
  api.get<Paged<AuditEntry>>('/api/v1/audit', { ...query }, signal);

export const verifyAudit = () => api.get<AuditVerifyResult>('/api/v1/audit/verify');

/** The server builds the xlsx with the same filters as the list. */
export const exportAudit = (filter: AuditFilter) => downloadFile('/api/v1/audit/export', { ...filter }, `audit-${beijingToday()}.xlsx`);

export function useAuditEntries(query: AuditListQuery) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole hash chain, so it runs only when asked (a mutation, not a cached query). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}

/** A signed checkpoint of the chain head, saved as JSON for the audit administrator to keep off the server. */
export const downloadCheckpoint = () => downloadFile('/api/v1/audit/checkpoint', {}, 'audit-checkpoint.json');

export function useAuditCheckpoint() {
  return useMutation({ mutationFn: downloadCheckpoint });
}

export function useExportAudit() {
  return useMutation({ mutationFn: exportAudit });
}
