import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "./release-abort-reason-stacks";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Aborts a controller with an error created inside a method of a big object, drops the object, and says whether it is still alive. */
async function receiverSurvives(): Promise<boolean> {
  const controller = new AbortController();
  let receiver: { payload: number[]; abort(): void } | null = {
    payload: new Array(1000).fill(1),
    abort() {
      controller.abort(new Error("done"));
    },
  };
  const ref = new WeakRef(receiver);
  receiver.abort();
  receiver = null;
  // WeakRefs hold their target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  expect(controller.signal.reason).toBeInstanceOf(Error);
  return ref.deref() !== undefined;
}

describe("releaseAbortReasonStacks", () => {
  it("stops an abort reason's unformatted stack from keeping the frames' receivers alive", async () => {
    expect(await receiverSurvives()).toBe(true);
    releaseAbortReasonStacks();
    releaseAbortReasonStacks();
    expect(await receiverSurvives()).toBe(false);
  });

  it("still aborts with the given reason, and without one", () => {
    const withReason = new AbortController();
    const reason = new Error("why");
    withReason.abort(reason);
    expect(withReason.signal.aborted).toBe(true);
    expect(withReason.signal.reason).toBe(reason);
    expect(reason.stack).toContain("why");
    const without = new AbortController();
    without.abort();
    expect(without.signal.reason).toBeInstanceOf(DOMException);
  });
});
