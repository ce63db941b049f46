import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type {
  AlertView,
  LeaveCalendarResponse,
  LeaveKindsResponse,
  LeaveStatsResponse,
  LedgerResponse,
  ListAlertsResponse,
  ListLeaveResponse,
  MyWearableResponse,
  PsychCaseListResponse,
  PsychCaseView,
  WearableRosterResponse,
} from '@zhenggong/core';
import { api } from '../../shared/api/client';

const BASE = '/api/v1/welfare';
export type Ledger = Static<typeof LedgerResponse>;
export type LeaveKinds = Static<typeof LeaveKindsResponse>;
export type LeaveList = Static<typeof ListLeaveResponse>;
export type LeaveCalendar = Static<typeof LeaveCalendarResponse>;
export type LeaveStats = Static<typeof LeaveStatsResponse>;
export type MyWearable = Static<typeof MyWearableResponse>;
export type Alerts = Static<typeof ListAlertsResponse>;
export type Alert = Static<typeof AlertView>;
export type Roster = Static<typeof WearableRosterResponse>;
export type PsychList = Static<typeof PsychCaseListResponse>;
export type PsychCase = Static<typeof PsychCaseView>;

export const useLeaveKinds = () =>
  useQuery({ queryKey: ['welfare', 'kinds'], queryFn: ({ signal }) => api.get<LeaveKinds>(`${BASE}/leave/kinds`, undefined, signal) });
export const useMyLedger = (year: number) =>
  useQuery({ queryKey: ['welfare', 'my', year], queryFn: ({ signal }) => api.get<Ledger>(`${BASE}/leave/my`, { year }, signal) });
export const useLeaveList = (q: { page: number; pageSize: number; status?: string; keyword?: string; year?: number }) =>
  useQuery({ queryKey: ['welfare', 'leaves', q], queryFn: ({ signal }) => api.get<LeaveList>(`${BASE}/leave/applications`, q, signal) });
export const useLeaveCalendar = (orgId: string | undefined, month: string) =>
  useQuery({
    queryKey: ['welfare', 'calendar', orgId, month],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<LeaveCalendar>(`${BASE}/leave/calendar`, { orgId: orgId ?? '', month }, signal),
  });
export const useLeaveStats = (year: number) =>
  useQuery({ queryKey: ['welfare', 'stats', year], queryFn: ({ signal }) => api.get<LeaveStats>(`${BASE}/leave/stats`, { year }, signal) });
export const useMyWearable = () =>
  useQuery({ queryKey: ['welfare', 'wearable'], queryFn: ({ signal }) => api.get<MyWearable>(`${BASE}/wearables/me`, undefined, signal) });
export const useAlerts = (q: { page: number; pageSize: number; status?: string }) =>
  useQuery({ queryKey: ['welfare', 'alerts', q], queryFn: ({ signal }) => api.get<Alerts>(`${BASE}/wearables/alerts`, q, signal) });
export const useRoster = (q: { page: number; pageSize: number }) =>
  useQuery({ queryKey: ['welfare', 'roster', q], queryFn: ({ signal }) => api.get<Roster>(`${BASE}/wearables/roster`, q, signal) });
export const usePsychCases = (q: { page: number; pageSize: number; status?: string }) =>
  useQuery({ queryKey: ['welfare', 'psych', q], queryFn: ({ signal }) => api.get<PsychList>(`${BASE}/psych/cases`, q, signal) });
export const usePsychCase = (id: string | undefined) =>
  useQuery({
    queryKey: ['welfare', 'psych-case', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<PsychCase>(`${BASE}/psych/cases/${id}`, undefined, signal),
  });

/** A POST to this module that refreshes the module's queries afterwards. */
export function useWelfarePost<B, T = { id: string }>(path: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api.post<T>(`${BASE}${path(b)}`, body(b)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['welfare'] }),
  });
}
