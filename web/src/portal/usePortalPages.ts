import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export function usePortalPages() {
  return useQuery({ queryKey: ['portal', 'pages'], queryFn: () => call(api.GET('/api/public/pages')) });
}
