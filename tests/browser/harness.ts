/**
 * Serves the built sidebar (dist/Sidebar.html) to a browser with a
 * `google.script.run` shim injected before the bundle. The shim is a Proxy:
 * `withSuccessHandler`, `withFailureHandler` and `withUserObject` return a new
 * runner, any other name is a server function whose arguments are POSTed as
 * JSON to `/run/<name>`. Node answers by calling `server[name](...args)` and
 * sends the return value back as JSON (values cross as JSON, as they must
 * cross google.script.run as plain data); a thrown error reaches the failure
 * handler as `{ message }`.
 *
 * Plug in any server: `startHarness(createDevServer())` today, the real
 * functions of dist/Code.js (run in node:vm over the in-memory workbook) later
 * via `harness.setServer(...)` or the first argument.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { withBridge } from '../../playground/bridge';

export type ServerFunctions = Record<string, (...args: unknown[]) => unknown>;

export interface ServerCall {
  fn: string;
  args: unknown[];
}

export interface Harness {
  url: string;
  /** Every server call the page made, with its arguments as the server received them. */
  calls: ServerCall[];
  setServer(server: ServerFunctions): void;
  close(): Promise<void>;
}

export const SIDEBAR_HTML = join(__dirname, '../../dist/Sidebar.html');

export function sidebarPage(htmlFile = SIDEBAR_HTML): string {
  let html: string;
  try {
    html = readFileSync(htmlFile, 'utf8');
  } catch {
    throw new Error(`${htmlFile} is missing: run \`npm run build\` first`);
  }
  return withBridge(html);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

export async function startHarness(initialServer: ServerFunctions, htmlFile = SIDEBAR_HTML): Promise<Harness> {
  let server = initialServer;
  const calls: ServerCall[] = [];
  const page = sidebarPage(htmlFile);
  const http = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/Sidebar.html')) return send(response, 200, 'text/html', page);
      const match = /^\/run\/([^/]+)$/.exec(url.pathname);
      if (request.method !== 'POST' || !match) return send(response, 404, 'text/plain', 'not found');
      const fn = decodeURIComponent(match[1]);
      let answer: unknown;
      try {
        const args = JSON.parse(await readBody(request)) as unknown[];
        calls.push({ fn, args });
        const target = Object.prototype.hasOwnProperty.call(server, fn) ? server[fn] : undefined;
        if (typeof target !== 'function') throw new Error(`Script function not found: ${fn}`);
        const value = await target(...args);
        answer = { ok: true, value };
      } catch (error) {
        const e = error as { message?: unknown; name?: unknown };
        answer = { ok: false, error: { message: String(e?.message ?? error), name: String(e?.name ?? 'Error') } };
      }
      send(response, 200, 'application/json', JSON.stringify(answer));
    })();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    setServer(next) {
      server = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections?.();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
