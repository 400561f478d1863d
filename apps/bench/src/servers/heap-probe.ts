// Loaded into a server under soak with `--import` (and `--expose-gc`): answers "heap" over IPC with
// the heap still live after full collections, which is what a leak would grow.
process.on("message", (message) => {
  if (message !== "heap") return;
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  process.send?.({ heapUsedBytes: process.memoryUsage().heapUsed });
});
