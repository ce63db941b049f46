import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { CorrectionRequest, CorrectionStatus, OwnProfileResponse, PendingCorrection } from '@zhenggong/core';

const BASE = '/api/v1/personnel';

const keys = {
  me: ['self-service', 'me'] as const,
  mine: ['self-service', 'corrections'] as const,
  review: (status: CorrectionStatus) => ['self-service', 'review', status] as const,
  reviewAll: ['self-service', 'review'] as const,
};

/** The caller's own record; 404 PERSON_NOT_LINKED when the account has no personnel record. */
export function useOwnProfile() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => api.get<OwnProfileResponse>(`${BASE}/me`, undefined, signal) });
}

export function useMyCorrections() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => api.get<CorrectionRequest[]>(`${BASE}/me/corrections`, undefined, signal),
  });
}

export function useRequestCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { changes: Record<string, string>; reason?: string }) => api.post<{ id: string }>(`${BASE}/me/corrections`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.mine }),
  });
}

/** The approver's to-do list (people in the approver's data scope). */
export function useCorrections(status: CorrectionStatus) {
  return useQuery({
    queryKey: keys.review(status),
    queryFn: ({ signal }) => api.get<PendingCorrection[]>(`${BASE}/corrections`, { status }, signal),
  });
}

export function useDecideCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    // Decisions are actions on the request's workflow case; a rejection needs its reason.
    mutationFn: ({ caseId, approve, note }: { caseId: string; approve: boolean; note?: string }) =>
      api.post<{ ok: true }>(
        `/api/v1/workflow/cases/${encodeURIComponent(caseId)}/${approve ? 'approve' : 'reject'}`,
        approve ? (note ? { comment: note } : {}) : { reason: note ?? '' },
      ),
    // An approval changes the person: their profile and the personnel lists are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.reviewAll }),
        queryClient.invalidateQueries({ queryKey: ['personnel'] }),
      ]),
  });
}

/** Current values of the person a request is about, for the approver's side-by-side view (needs personnel:read). */
export function useCurrentValues(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['personnel', 'detail', personId],
    queryFn: ({ signal }) => api.get<OwnProfileResponse>(`${BASE}/people/${encodeURIComponent(personId)}`, undefined, signal),
    enabled,
  });
}
