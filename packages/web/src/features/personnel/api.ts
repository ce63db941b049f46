import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { QueryParams } from '../../shared/api/query-string';
import type { Paged } from '../../shared/api/types';
import type {
  PersonFilter,
  PersonInput,
  PersonListItem,
  PersonListQuery,
  PersonProfile,
  PersonSensitive,
  PersonUpdate,
  SavedFilter,
} from './types';
import { beijingToday } from '../../shared/utils/beijing-today';

const BASE = '/api/v1/personnel';
const personPath = (id: string) => `${BASE}/people/${encodeURIComponent(id)}`;

/** Every personnel query starts with 'personnel', so one invalidation refreshes lists and profiles. */
export const personnelKeys = {
  all: ['personnel'] as const,
  list: (query: PersonListQuery) => ['personnel', 'list', query] as const,
  detail: (id: string) => ['personnel', 'detail', id] as const,
  savedFilters: ['personnel', 'saved-filters'] as const,
};

/** The filter as query parameters; `includeSub` only means something together with an org. */
export function filterParams(filter: PersonFilter): QueryParams {
  const { includeSub, ...rest } = filter;
  return { ...rest, includeSub: filter.orgId ? includeSub : undefined };
}

export const fetchPeople = (query: PersonListQuery, signal?: AbortSignal) =>
  api.get<Paged<PersonListItem>>(
    `${BASE}/people`,
    { ...filterParams(query), page: query.page, pageSize: query.pageSize, sort: query.sort },
    signal,
  );
export const fetchPerson = (id: string, signal?: AbortSignal) => api.get<PersonProfile>(personPath(id), undefined, signal);
export const revealPerson = (id: string) => api.get<PersonSensitive>(`${personPath(id)}/sensitive`);
export const createPerson = (input: PersonInput) => api.post<PersonProfile>(`${BASE}/people`, input);
export const updatePerson = (id: string, input: PersonUpdate) => api.patch<PersonProfile>(personPath(id), input);

export function usePeople(query: PersonListQuery) {
  return useQuery({
    queryKey: personnelKeys.list(query),
    queryFn: ({ signal }) => fetchPeople(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: personnelKeys.detail(id), queryFn: ({ signal }) => fetchPerson(id, signal) });
}

/** Full ID number and phone: fetched only on request (each view is audited) and never cached. */
export function useRevealPerson() {
  return useMutation({ mutationFn: revealPerson });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPerson, onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.all }) });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonUpdate) => updatePerson(id, input),
    onSuccess: (person) => {
      queryClient.setQueryData(personnelKeys.detail(id), person);
      return queryClient.invalidateQueries({ queryKey: personnelKeys.all });
    },
  });
}

/** Sends the image as the raw body; the server checks it really is a JPEG or PNG (≤ 2 MiB). */
async function uploadPhoto(id: string, file: File): Promise<void> {
  const headers = buildHeaders('PUT', false);
  headers.set('Content-Type', file.type);
  const response = await fetch(`/api/v1/personnel/people/${id}/photo`, { method: 'PUT', credentials: 'same-origin', headers, body: file });
  if (!response.ok) throw await toApiError(response);
}

export const photoUrl = (id: string, version: string) => `/api/v1/personnel/people/${id}/photo?v=${encodeURIComponent(version)}`;

export function useUploadPhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadPhoto(id, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.detail(id) }),
  });
}

// ——— saved filters (private to the signed-in user) ———

export function useSavedFilters() {
  return useQuery({
    queryKey: personnelKeys.savedFilters,
    queryFn: ({ signal }) => api.get<SavedFilter[]>(`${BASE}/saved-filters`, undefined, signal),
  });
}

export function useSaveFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; filter: SavedFilter['filter'] }) => api.post<SavedFilter>(`${BASE}/saved-filters`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.savedFilters }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${BASE}/saved-filters/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.savedFilters }),
  });
}

// ——— files built by the server ———

const stamp = () => beijingToday();

/** xlsx of every person matching the list's filters, in the chosen columns and order. */
export const exportPeople = (filter: PersonFilter, sort: string | undefined, columns: readonly string[]) =>
  downloadFile(`${BASE}/export.xlsx`, { ...filterParams(filter), sort, columns: columns.join(',') }, `personnel-${stamp()}.xlsx`);

/** Columns the server can export, in sheet order (GET /export/columns). */
export interface ExportColumnDef {
  key: string;
  /** The sheet's (Chinese) header. */
  header: string;
  /** Full ID number / phone: needs personnel:reveal. */
  reveal: boolean;
  default: boolean;
}

export function useExportColumns(enabled: boolean) {
  return useQuery({
    queryKey: ['personnel', 'export-columns'],
    queryFn: ({ signal }) => api.get<ExportColumnDef[]>(`${BASE}/export/columns`, undefined, signal),
    staleTime: Infinity,
    enabled,
  });
}

/** Items of the 干部任免审批表 that belong to the submission rather than to the record (all optional). */
export interface AppointmentExtras {
  proposedPost?: string;
  proposedRemoval?: string;
  reason?: string;
  reportingUnit?: string;
  health?: string;
}

/** 干部任免审批表 as Word (.docx) or as the exchange file of the cadre-management software (.lrmx). */
export const downloadAppointmentForm = (id: string, format: 'docx' | 'lrmx', extras: AppointmentExtras) =>
  downloadFile(`${personPath(id)}/appointment-form.${format}`, { ...extras }, `appointment-form.${format}`);

/** The printable HTML page opens in its own tab (same-origin, so the session cookie goes along). */
export const printUrl = (id: string) => `${personPath(id)}/print`;
