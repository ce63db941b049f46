import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { AuthProvider } from '../shared/auth/AuthProvider';
import { AppConfigProvider } from './AppConfigProvider';
import { createQueryClient } from './query-client';
import { router } from './router';

/** Providers from the outside in: data cache → antd locale/theme → session → routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AppConfigProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AppConfigProvider>
    </QueryClientProvider>
  );
}
