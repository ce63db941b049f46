import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the province views, merged into the platform catalogue. */
export const provinceErrors = {
  PROVINCE_CITY_NOT_FOUND: {
    status: 404,
    'zh-CN': '没有该市的数据或不在您的数据权限范围内',
    'en-US': 'No data for that city, or it is outside your data scope',
  },
  PROVINCE_ONLY: { status: 409, 'zh-CN': '该功能仅在省级库提供', 'en-US': 'This view is only available on the province instance' },
} as const satisfies Record<string, ErrorMessage>;
