import type { RouteObject } from 'react-router-dom';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const auxiliaryRoutes: RouteObject[] = [];
