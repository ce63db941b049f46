import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

/** Mirrors JobView in core's schemas/jobs.ts (the response schema of GET /api/v1/system/jobs). */
export interface JobView {
  name: string;
  schedule: string;
  lastRun: {
    slot: string;
    state: 'running' | 'succeeded' | 'failed' | 'dead';
    attempt: number;
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
    nextAttemptAt: string | null;
  } | null;
  nextRunAt: string;
}

const key = ['system', 'jobs'] as const;

export const useJobs = () =>
  useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: JobView[] }>('/api/v1/system/jobs', undefined, signal),
    refetchInterval: 15_000,
  });

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<JobView>(`/api/v1/system/jobs/${encodeURIComponent(name)}/run`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
