import { v7 } from 'uuid';

/** UUIDv7: time-sortable and unique across city instances, so provincial aggregation never collides. */
export const newId = (): string => v7();
