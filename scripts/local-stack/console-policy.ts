/**
 * What the console's pages may load, locally and behind CloudFront (serverless.yml, ConsoleResponseHeadersPolicy;
 * a template test keeps the two in step). Scripts, styles and fonts come from the console's own origin, images also
 * as data: URLs, and requests go to the console's origin and the API's. Inline styles are allowed because mermaid
 * writes a <style> element into every diagram it renders; inline scripts are not.
 */
export const consoleContentSecurityPolicy = (apiOrigin?: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
