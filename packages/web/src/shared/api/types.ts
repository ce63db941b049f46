/** List envelope of docs/api-v1.md: `{ items, total }`. */
export interface Paged<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
  /** `field` ascending, `-field` descending. */
  sort?: string;
}
