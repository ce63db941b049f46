import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobList, JobView } from '@zhenggong/core';
import { api } from '../../shared/api/client';

const key = ['system', 'jobs'] as const;

export const useJobs = () =>
  useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<JobList>('/api/v1/system/jobs', undefined, signal),
    refetchInterval: 15_000,
  });

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<JobView>(`/api/v1/system/jobs/${encodeURIComponent(name)}/run`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
