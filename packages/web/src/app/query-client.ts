import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Office intranet PCs: refetching on every focus change only adds load and flicker.
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; network and 5xx get one more try.
        retry: (failureCount, error) => failureCount < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}
