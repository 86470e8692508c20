/**
 * The playground's HTTP server: the page (grid per sheet, add-on menu,
 * sidebar frame), a JSON API over the PlaygroundSession, the recorded
 * sidebar HTML with a `google.script.run` bridge, and the .xlsx export.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { withBridge } from './bridge';
import { exportWorkbook } from './export';
import { seedSample } from './sample';
import { PlaygroundSession, type Lang } from './session';

export interface PlaygroundOptions {
  distDir: string;
  /** The bundled page script and the static files (page.css, playground.js). */
  staticDir: string;
  stateFile?: string;
  lang: Lang;
  port: number;
  host?: string;
  reset?: boolean;
  /** Start a new workbook empty instead of with the sample cycle. */
  empty?: boolean;
  today?: string;
}

export interface Playground {
  url: string;
  session: PlaygroundSession;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.txt': 'text/plain', '.svg': 'image/svg+xml' };

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type.startsWith('text/') || type.endsWith('json') ? `${type}; charset=utf-8` : type, 'cache-control': 'no-store', ...headers });
  response.end(body);
}

const json = (response: ServerResponse, value: unknown, status = 200) => send(response, status, 'application/json', JSON.stringify(value));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 5_000_000) reject(new Error('request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function page(lang: Lang): string {
  const title = lang === 'de' ? 'OKR for Sheets – Spielwiese' : 'OKR for Sheets – playground';
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/static/page.css"></head>
<body>
<header id="bar"><strong id="doc-title"></strong><nav id="menubar"></nav><span id="status" role="status"></span></header>
<div id="formula"><span id="cell-name"></span><input id="formula-input" aria-label="formula bar" autocomplete="off"></div>
<main id="main"><section id="grid-wrap"><div id="grid"></div><input id="cell-editor" aria-label="cell" autocomplete="off" spellcheck="false"></section><aside id="sidebar" hidden><div id="sidebar-head"><div id="sidebar-title"></div><button id="sidebar-close" type="button">×</button></div><iframe id="sidebar-frame" title="sidebar"></iframe></aside></main>
<footer id="tabs"></footer>
<div id="toasts"></div>
<dialog id="dialog"><form method="dialog"><h2 id="dialog-title"></h2><p id="dialog-text"></p><input id="dialog-input" autocomplete="off"><menu id="dialog-buttons"></menu></form></dialog>
<script src="/static/playground.js"></script>
</body>
</html>`;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  if (options.reset && options.stateFile && existsSync(options.stateFile)) rmSync(options.stateFile);
  const session = new PlaygroundSession({ distDir: options.distDir, stateFile: options.stateFile, lang: options.lang, today: options.today });
  if (!session.restored && !options.empty) seedSample(session);
  if (session.restored || !options.empty) session.openSidebar();
  const html = page(session.lang);

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      try {
        if (request.method === 'GET') {
          if (path === '/' || path === '/index.html') return send(response, 200, 'text/html', html);
          if (path === '/favicon.ico') return send(response, 204, 'text/plain', '');
          if (path.startsWith('/static/')) {
            const file = normalize(join(options.staticDir, path.slice('/static/'.length)));
            if (!file.startsWith(normalize(options.staticDir)) || !existsSync(file)) return send(response, 404, 'text/plain', 'not found');
            return send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
          }
          if (path === '/api/state') return json(response, session.state());
          if (path === '/api/grid') return json(response, session.grid(url.searchParams.get('sheet') ?? ''));
          if (path === '/api/formula') {
            const at = (k: string) => Number(url.searchParams.get(k));
            return json(response, { formula: session.formulaAt(url.searchParams.get('sheet') ?? '', at('row'), at('col')) });
          }
          if (path === '/sidebar') {
            const sidebar = session.sidebar();
            return sidebar ? send(response, 200, 'text/html', withBridge(sidebar.html)) : send(response, 404, 'text/plain', 'no sidebar');
          }
          if (path === '/api/export.xlsx') {
            const buffer = await exportWorkbook(session.spreadsheet);
            return send(response, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer, {
              'content-disposition': 'attachment; filename="okr-playground.xlsx"',
            });
          }
          return send(response, 404, 'text/plain', 'not found');
        }
        if (request.method !== 'POST') return send(response, 405, 'text/plain', 'method not allowed');
        const body = JSON.parse((await readBody(request)) || 'null');
        const run = /^\/run\/([^/]+)$/.exec(path);
        if (run) {
          try {
            return json(response, { ok: true, value: session.call(decodeURIComponent(run[1]), Array.isArray(body) ? body : []) });
          } catch (error) {
            const e = error as { message?: unknown; name?: unknown };
            return json(response, { ok: false, error: { message: String(e?.message ?? error), name: String(e?.name ?? 'Error') } });
          }
        }
        const menu = /^\/api\/menu\/([A-Za-z]\w*)$/.exec(path);
        if (menu) return json(response, session.runMenu(menu[1], Array.isArray(body?.answers) ? body.answers : []));
        if (path === '/api/edit') return json(response, session.edit(String(body.sheet), Number(body.row), Number(body.col), String(body.input ?? ''), !!body.confirmed));
        if (path === '/api/paste') {
          const block = Array.isArray(body.rows) ? (body.rows as unknown[]).map((line) => (Array.isArray(line) ? line.map((v) => String(v ?? '')) : [])) : [];
          const from = body.from && Number.isInteger(body.from.row) && Number.isInteger(body.from.col) ? { row: Number(body.from.row), col: Number(body.from.col) } : undefined;
          return json(response, session.paste(String(body.sheet), Number(body.row), Number(body.col), block, from, !!body.confirmed));
        }
        if (path === '/api/activate') {
          session.activate(String(body.sheet), body.row ? Number(body.row) : undefined, body.col ? Number(body.col) : undefined);
          return json(response, { ok: true });
        }
        return send(response, 404, 'text/plain', 'not found');
      } catch (error) {
        return json(response, { error: String((error as Error)?.message ?? error) }, 400);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    session,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
