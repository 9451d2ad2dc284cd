/** Marks Dễ Đọc's own elements (toolbar host, fallback style elements) so features skip them. */
export const UI_ATTRIBUTE = 'data-dede-ui';
