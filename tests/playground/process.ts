/** Starts `node scripts/start.mjs` (the playground, as `npm start` runs it after the build) and reads the URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

export interface Running {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Milliseconds from spawning to the printed URL. */
  startedIn: number;
  stop(): Promise<void>;
}

export function startPlaygroundProcess(args: string[], timeoutMs = 60_000): Promise<Running> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the playground did not print its URL in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1].replace('localhost', '127.0.0.1'),
          process: child,
          output: () => out,
          startedIn: Date.now() - t0,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited with ${code}:\n${out}`));
    });
  });
}
