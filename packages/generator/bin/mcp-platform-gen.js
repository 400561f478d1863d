#!/usr/bin/env node
// A committed entry, so `pnpm install` can link the bin before the first build creates dist/.
import "../dist/main.js";
