#!/usr/bin/env node
// A committed entry, so `pnpm install` can link the bin before the first build creates dist/.
// V8's compiled code for the modules loaded next is kept on disk (os.tmpdir()/node-compile-cache, as
// TypeScript's and ESLint's own commands do), so running a command again skips compiling them.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("../dist/main.js");
