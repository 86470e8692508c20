import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

describe('npm run push', () => {
  it('refuses with a clear message while .clasp.json has no script id, and points clasp at dist/', () => {
    const root = join(__dirname, '../..');
    const clasp = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
    expect(clasp).toEqual({ scriptId: '', rootDir: 'dist' });
    const result = spawnSync(process.execPath, [join(root, 'scripts/push.mjs')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('push: no script id is set in .clasp.json.');
    expect(result.stderr).toContain('npx clasp login');
  });

  it('asks only for the narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBeTruthy();
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
