/** Strict rule: google.script.run takes primitives, null and plain objects / arrays of them; a Date, a function or any other object fails the call (the loader's call and the browser shim alike). */
import vm from 'node:vm';
import { BRIDGE } from '../../playground/bridge';
import { loadAddon } from '../loadAddon';
import { illegalScriptRunValue } from '../scriptRun';

describe('google.script.run values', () => {
  it('finds the first illegal value and its path', () => {
    expect(illegalScriptRunValue([1, 'a', true, null, { b: [2, { c: 'd' }] }, undefined])).toBeNull();
    expect(illegalScriptRunValue([new Date()])).toBe('0');
    expect(illegalScriptRunValue([{ when: new Date() }])).toBe('0.when');
    expect(illegalScriptRunValue([{ f: () => 1 }])).toBe('0.f');
    expect(illegalScriptRunValue([new Map()])).toBe('0');
    expect(illegalScriptRunValue([Object.create(null)])).toBeNull();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(illegalScriptRunValue([circular])).toBe('0.self');
  });

  it("the loader's call throws as the client does, and passes plain data", () => {
    const addon = loadAddon();
    expect(() => addon.call('sidebarSaveObjective', { team: 'Sales', due: new Date() })).toThrow('Failed due to illegal value in property: 0.due');
    expect(addon.call('sidebarSaveObjective', { team: 'Sales' })).toBeDefined();
  });

  it('the browser shim throws before posting anything', () => {
    const posted: string[] = [];
    const window: Record<string, unknown> = { location: { origin: 'http://x' }, parent: { postMessage() {} } };
    const context = vm.createContext({ window, fetch: (url: string) => (posted.push(url), new Promise(() => {})) });
    vm.runInContext(BRIDGE, context);
    const run = (window.google as { script: { run: Record<string, (...a: unknown[]) => void> } }).script.run;
    expect(() => run.sidebarSaveObjective({ due: new Date() })).toThrow('Failed due to illegal value in property: 0.due');
    expect(() => run.sidebarSaveObjective(function () {})).toThrow('Failed due to illegal value in property: 0');
    expect(posted).toEqual([]);
    run.sidebarSaveObjective({ due: '2026-12-31' });
    expect(posted).toEqual(['/run/sidebarSaveObjective']);
  });
});
