import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { personnelKeys } from './api';

/** Dated records kept on a person (core `personRecordBodies`): 简历, 家庭成员, 学历, 奖励, 惩处. */
export const RECORD_KINDS = ['resume', 'family', 'education', 'awards', 'discipline', 'training'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Request bodies: camelCase, dates `YYYY-MM` or `YYYY-MM-DD`, optional values left out. */
export type RecordBody = Record<string, string | boolean | number>;

const recordsPath = (personId: string, kind: RecordKind) => `/api/v1/personnel/people/${encodeURIComponent(personId)}/${kind}`;

export function useAddRecord(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: RecordKind; body: RecordBody }) => api.post<{ id: string }>(recordsPath(personId, kind), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.detail(personId) }),
  });
}

export function useDeleteRecord(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, recordId }: { kind: RecordKind; recordId: string }) =>
      api.delete(`${recordsPath(personId, kind)}/${encodeURIComponent(recordId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.detail(personId) }),
  });
}
