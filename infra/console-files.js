'use strict';

/**
 * How the console's files are served, the same on the local stack (scripts/local-stack/console-server.ts) and from
 * the console bucket behind CloudFront (infra/plugins/console-upload.js sets each object's metadata from it).
 */

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type of a console file by its name; a file of an unknown kind is offered as bytes. */
const consoleContentType = (path) => {
  const dot = path.lastIndexOf('.');
  return (dot > path.lastIndexOf('/') && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
};

/**
 * How long a browser (and CloudFront) may keep a file, by its path from the console's root. Vite names the files
 * under /assets/ by their content, so they never change: a year. Anything else (index.html, config.json, an icon)
 * is checked each time, so a deploy shows at the next load.
 */
const consoleCacheControl = (path) => (path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

module.exports = { consoleContentType, consoleCacheControl };
