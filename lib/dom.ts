/** Marks Dễ Đọc's own elements (toolbar host, fallback style elements) so features skip them. */
export const UI_ATTRIBUTE = 'data-dede-ui';

/** Elements whose own pixels are content: pictures, video, canvas, embedded frames, SVG graphics. */
export const MEDIA_ELEMENTS = ['img', 'picture', 'video', 'canvas', 'iframe', 'embed', 'object', 'svg'];
