/** Government sites where Dễ Đọc runs without being asked. */
export const GOVERNMENT_MATCHES = [
  '*://*.gov.vn/*',
  '*://*.chinhphu.vn/*',
  '*://*.baochinhphu.vn/*',
  '*://*.gov.uk/*',
  '*://*.gov/*',
  '*://*.europa.eu/*',
];

const GOVERNMENT_HOSTS = /(^|\.)(gov\.vn|chinhphu\.vn|baochinhphu\.vn|gov\.uk|gov|europa\.eu)$/i;

export function isGovernmentHost(host: string): boolean {
  return GOVERNMENT_HOSTS.test(host);
}

/** The match pattern for a site the reader adds. */
export function originPattern(host: string): string {
  return `*://${host}/*`;
}

/** The host of a web page's URL; undefined for anything else (browser pages, files, bad URLs). */
export function pageHost(url: string | undefined): string | undefined {
  try {
    const u = new URL(url ?? '');
    return /^https?:$/.test(u.protocol) ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}
