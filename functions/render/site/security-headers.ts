/**
 * The security headers the CDN sends with every response, defined once: the CDK distribution's
 * response headers policy and the local site server both read this file.
 *
 * The public pages need no script but the search page's (`/assets/search.js`), which runs
 * Pagefind's WebAssembly search: `'wasm-unsafe-eval'` lets a same-origin script compile wasm and
 * nothing else (no `eval`, no string-built code). `script-src 'self'` is there for it and for the
 * filing form served from the same origin. No 'unsafe-inline' anywhere: pages carry no inline script,
 * style element or style attribute (the outcome chart uses SVG presentation attributes).
 */

/**
 * The policy; `connect` adds origins the form may fetch from besides its own: the private
 * bucket, where it PUTs the stamped copy (盖章件) to a presigned URL.
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Structured, for CloudFront's ResponseHeadersPolicy `securityHeadersBehavior`. */
export const SECURITY_POLICY = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  contentTypeOptions: 'nosniff',
  frameOption: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  /** two years, as hstspreload.org asks */
  hstsMaxAgeSeconds: 63_072_000,
  hstsIncludeSubdomains: true,
  hstsPreload: false,
} as const;

/** As HTTP headers, for the local server (lower-case names, as Node sets them). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders();

/** The headers with `connect` origins added to the policy (contentSecurityPolicy). */
export function securityHeaders(connect: readonly string[] = []): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(connect),
    'x-content-type-options': SECURITY_POLICY.contentTypeOptions,
    'x-frame-options': SECURITY_POLICY.frameOption,
    'referrer-policy': SECURITY_POLICY.referrerPolicy,
    'strict-transport-security': `max-age=${SECURITY_POLICY.hstsMaxAgeSeconds}${
      SECURITY_POLICY.hstsIncludeSubdomains ? '; includeSubDomains' : ''
    }${SECURITY_POLICY.hstsPreload ? '; preload' : ''}`,
  };
}
