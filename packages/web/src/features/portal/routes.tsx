import type { RouteObject } from 'react-router-dom';

/** This feature's top-level routes (outside the signed-in layout). */
export const portalRoutes: RouteObject[] = [];
