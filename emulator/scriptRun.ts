/** What may cross google.script.run: primitives, null, and plain objects and arrays of them; a Date, a function, any other object or a circular structure make the call fail. */
/*
 * Google's guide (HTML service: communicating with server functions): "Legal parameters are JavaScript
 * primitives like a Number, Boolean, String, or null, as well as JavaScript objects and arrays that are
 * composed of primitives, objects, and arrays. [...] Requests fail if you attempt to pass a Date, Function,
 * DOM element besides a form, or other prohibited type, including prohibited types inside objects or arrays.
 * Objects that create circular references will also fail, and undefined fields within arrays become null."
 *
 * `illegalScriptRunValue` is written in plain ES2017 so that the browser shim (playground/bridge.ts) embeds
 * its source as it is; the loader's `call` uses it too.
 */

/** The path of the first value that may not cross google.script.run ('0', '1.when', ...), or null when all may. */
export function illegalScriptRunValue(value: unknown): string | null {
  var seen: unknown[] = [];
  function walk(v: unknown, path: string): string | null {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'boolean') return null;
    if (t === 'number') return null;
    if (t !== 'object') return path;
    if (seen.indexOf(v) >= 0) return path;
    var proto = Object.getPrototypeOf(v);
    var isArray = Array.isArray(v);
    // A plain object's prototype is Object.prototype (of any realm: its own prototype is null) or null.
    if (!isArray && proto !== null && Object.getPrototypeOf(proto) !== null) return path;
    seen.push(v);
    var keys = Object.keys(v as object);
    for (var i = 0; i < keys.length; i++) {
      var bad = walk((v as Record<string, unknown>)[keys[i]], path === '' ? keys[i] : path + '.' + keys[i]);
      if (bad !== null) return bad;
    }
    seen.pop();
    return null;
  }
  return walk(value, '');
}

/** The error Apps Script's client throws for such a value. */
export function illegalValueMessage(path: string): string {
  return 'Failed due to illegal value in property: ' + path;
}
