// Memory probe for the benchmark's server (not part of the app): load it with
//   NODE_OPTIONS="--require ./bench/mem-probe.cjs" MEM_PROBE_FILE=bench/tmp-x/mem.jsonl
// and every MEM_PROBE_MS (2 000) each Node process appends one JSON line: process.memoryUsage(),
// V8's heap spaces, and the process's resident memory split by kind of mapping (/proc/self/smaps):
// malloc's main arena ([heap]), small anonymous mappings (V8's 256 kB heap pages, malloc's mmap'd
// chunks), reservations ≥ 4 GB (WebAssembly memories with guard pages), other anonymous mappings
// (malloc's thread arenas once split by use, large V8 objects), mapped files. The split is what RSS
// alone cannot say: which allocator holds the memory. Compare anonSmall with heapTotal.
const fs = require("node:fs");
const v8 = require("node:v8");

const file = process.env.MEM_PROBE_FILE;
if (file) {
  const every = Number(process.env.MEM_PROBE_MS ?? 2000);
  const started = Date.now();
  const mb = (n) => Math.round(n / 1048576);

  function smapsSplit() {
    const out = { heapBrk: 0, anonSmall: 0, anon64m: 0, anonHuge: 0, anonOther: 0, file: 0, stack: 0 };
    let text;
    try {
      text = fs.readFileSync("/proc/self/smaps", "utf8");
    } catch {
      return out;
    }
    let kind = "anonOther";
    for (const line of text.split("\n")) {
      const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        const size = parseInt(head[2], 16) - parseInt(head[1], 16);
        const name = head[3];
        if (name === "[heap]") kind = "heapBrk";
        else if (name.startsWith("[stack")) kind = "stack";
        else if (name.startsWith("/")) kind = "file";
        else if (size >= 4 * 1024 ** 3)
          kind = "anonHuge"; // WebAssembly memory reservations (and V8's cage if any)
        else if (size === 64 * 1024 ** 2)
          kind = "anon64m"; // a glibc thread arena not yet split (HEAP_MAX_SIZE)
        else if (size <= 1024 ** 2)
          kind = "anonSmall"; // V8 pages are 256 kB; malloc's mmap'd chunks
        else kind = "anonOther";
        continue;
      }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss) out[kind] += Number(rss[1]);
    }
    for (const k of Object.keys(out)) out[k] = Math.round(out[k] / 1024);
    return out;
  }

  const sample = () => {
    const m = process.memoryUsage();
    const spaces = {};
    for (const s of v8.getHeapSpaceStatistics())
      spaces[s.space_name.replace(/_space$/, "")] = [mb(s.space_used_size), mb(s.space_size), mb(s.physical_space_size)];
    const h = v8.getHeapStatistics();
    const line = {
      t: new Date().toISOString().slice(11, 19),
      up: Math.round((Date.now() - started) / 1000),
      pid: process.pid,
      argv: process.argv.slice(1, 3).join(" ").slice(-60),
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
      malloced: mb(h.malloced_memory),
      peakMalloced: mb(h.peak_malloced_memory),
      nativeContexts: h.number_of_native_contexts,
      handles: process._getActiveHandles?.().length,
      requests: process._getActiveRequests?.().length,
      spaces,
      smaps: smapsSplit(),
    };
    try {
      fs.appendFileSync(file, JSON.stringify(line) + "\n");
    } catch {
      // the directory went away; the probe is best-effort
    }
  };
  setInterval(sample, every).unref();
}
