/** Strict rule: a lock held by another execution is got only if it is released within the timeout; waitLock throws Apps Script's message otherwise. */
import { createAppsScript } from '../appsScript';

describe('the document lock', () => {
  it('honours the timeout against an execution that holds it for 5 seconds', () => {
    const h = createAppsScript();
    h.holdLock('document', 'user-b', 5000);
    const lock = h.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(4999)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('never gets one held until released, and refuses a timeout that is no number', () => {
    const h = createAppsScript();
    h.holdLock('document', 'user-b');
    const lock = h.globals.LockService.getDocumentLock();
    expect(lock.tryLock(30_000)).toBe(false);
    expect(() => lock.tryLock('soon' as unknown as number)).toThrow("don't match the method signature");
    h.releaseLock('document');
    expect(lock.tryLock(0)).toBe(true);
  });
});
