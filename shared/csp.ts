/**
 * The renderer's Content-Security-Policy: the built index.html carries it as a meta tag (vite.config.ts)
 * and main sends it as a header for every file it serves. No eval, no inline script, no remote content;
 * inline styles are allowed because Plotly positions its SVG with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
