import "server-only";

const PATCHED = Symbol.for("patrimonio.releaseAbortReasonStacks");

/**
 * Makes every `AbortController#abort(error)` format the error's stack at once.
 *
 * Why: until formatted, a V8 error keeps its stack as call sites that hold each frame's receiver.
 * React's server renderer (Flight) ends every successful render with
 * `cacheController.abort(new Error("This render completed successfully…"))`, from a setImmediate
 * callback, so that error pins the `Immediate`; a run Immediate still links to its queue neighbours
 * (other requests' Immediates), each carrying its request's async context. Under concurrent load
 * this chains request after request: measured, 647 of 1 800 requests' req/res pairs and 8 400
 * Immediates still live after the load (react/react#37288; the fix, #37289, is not in the React
 * that Next bundles yet). A formatted stack is a string and pins nothing. Cost: one stack
 * formatting per render.
 */
export function releaseAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const abort = proto.abort;
  Object.defineProperty(proto, "abort", {
    configurable: true,
    writable: true,
    value: function (this: AbortController, reason?: unknown) {
      if (reason instanceof Error) void reason.stack;
      return abort.call(this, reason);
    },
  });
  Object.defineProperty(proto, PATCHED, { value: true });
}
