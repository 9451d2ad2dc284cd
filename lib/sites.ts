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
