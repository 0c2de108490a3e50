import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the API owns: never answered with the console's index.html. */
const API_PREFIXES = ['/graphql', '/health', '/metrics', '/exports', '/dev', '/console'];

/**
 * The console's Content-Security-Policy: everything from this origin, the GraphQL socket on the
 * same host, no inline scripts or styles. A request to any other origin is refused by the browser.
 */
export function consoleCsp(req: Request, identityProvider?: string, explorer = false): string {
  const host = req.headers.host && /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host) ? req.headers.host : undefined;
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  // With OIDC the browser also talks to the issuer (discovery, token, silent renewal in a frame).
  const idp = identityProvider ? ` ${identityProvider}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // GraphiQL's editor (Monaco, development only) sets inline styles and embeds its icon font.
    explorer ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    explorer ? "font-src 'self' data:" : "font-src 'self'",
    `connect-src 'self'${sockets}${idp}`,
    `frame-src 'self'${idp}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built console (dist/web): hashed assets with a long cache, and index.html for every
 * other GET that asks for HTML and is not an API path (client-side routes). The developer
 * explorer (graphiql.html) is served only outside production.
 */
export function consoleStatic(options: { dir: string; graphiql: boolean; identityProvider?: string }): RequestHandler[] {
  const dir = resolve(options.dir);
  const index = join(dir, 'index.html');
  const assets = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const csp = (req: Request, res: Response, next: NextFunction) => {
    if (!isApiPath(req.path)) res.setHeader('Content-Security-Policy', consoleCsp(req, options.identityProvider, req.path === '/graphiql.html'));
    next();
  };
  const guardGraphiql = (req: Request, res: Response, next: NextFunction) => {
    if (!options.graphiql && (req.path === '/graphiql.html' || req.path.startsWith('/assets/graphiql'))) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      return;
    }
    next();
  };
  // A developer who opens /graphql in a browser gets the bundled explorer (never a CDN page).
  const explorer = (req: Request, res: Response, next: NextFunction) => {
    if (options.graphiql && req.method === 'GET' && req.path === '/graphql' && !req.query.query && !req.headers.upgrade && req.accepts(['json', 'html']) === 'html') {
      res.redirect(302, '/graphiql.html');
      return;
    }
    next();
  };
  const serveAssets = (req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    assets(req, res, next);
  };
  const spaFallback = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isApiPath(req.path) || /\.[A-Za-z0-9]+$/.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The console has not been built: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  return [csp, guardGraphiql, explorer, serveAssets, spaFallback];
}
