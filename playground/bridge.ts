/**
 * google.script.run for a page served outside Apps Script (the playground's
 * sidebar frame, and the browser tests' harness): each call is POSTed to
 * /run/<name>, answered with { ok, value } or { ok: false, error }. In the
 * playground it also tells the page around the frame to redraw; in a page of
 * its own that message goes nowhere. Plain ES2017: no transpiler touches it.
 */
import { illegalScriptRunValue } from '../emulator/scriptRun';

export const BRIDGE = `
(function () {
  var illegalScriptRunValue = (${illegalScriptRunValue.toString()});
  function runner(options) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return function (fn) { return runner(Object.assign({}, options, { success: fn })); };
        if (name === 'withFailureHandler') return function (fn) { return runner(Object.assign({}, options, { failure: fn })); };
        if (name === 'withUserObject') return function (user) { return runner(Object.assign({}, options, { user: user })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          // As Apps Script's client: a Date, a function or any other non-plain object fails the call.
          var bad = illegalScriptRunValue(args);
          if (bad !== null) throw new Error('Failed due to illegal value in property: ' + bad);
          fetch('/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (response) { return response.json(); })
            .then(function (answer) {
              try { window.parent.postMessage({ okrPlayground: 'changed' }, window.location.origin); } catch (e) {}
              if (answer.ok) { if (options.success) options.success(answer.value, options.user); }
              else if (options.failure) { var error = new Error(answer.error.message); error.name = answer.error.name || 'ScriptError'; options.failure(error, options.user); }
            })
            .catch(function (error) { if (options.failure) options.failure(error, options.user); });
        };
      }
    });
  }
  window.google = { script: { run: runner({}), host: { close: function () { window.parent.postMessage({ okrPlayground: 'close' }, window.location.origin); } } } };
})();
`;

/** `html` with the bridge before its first script (or at the end of its body). */
export function withBridge(html: string): string {
  const marker = html.indexOf('<script');
  const shim = `<script>${BRIDGE}</script>\n`;
  return marker < 0 ? html.replace('</body>', `${shim}</body>`) : html.slice(0, marker) + shim + html.slice(marker);
}

