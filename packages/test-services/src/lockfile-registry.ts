import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { parse } from "yaml";
import { storeManifestReader, type StoreManifestReader } from "./store-manifest.js";

export interface LockfileRegistry {
  /** The registry's URL, for `npm_config_registry`. */
  url: string;
  close(): Promise<void>;
}

interface LockedPackage {
  resolution?: { integrity?: string; tarball?: string };
  hasBin?: boolean;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
}

interface LockedSnapshot {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface Lockfile {
  packages?: Record<string, LockedPackage>;
  snapshots?: Record<string, LockedSnapshot>;
}

/**
 * An npm registry on 127.0.0.1 that knows the packages a pnpm lockfile resolved, and no other:
 * an install that adds a workspace package (the generator's) resolves, without the network, to
 * the versions the rest of the workspace already uses, and the lockfile entries of the packages it
 * already had stay as they are. Tarballs come from pnpm's store, so the registry serves none; a
 * package the store lacks fails the install, saying which.
 */
export async function startLockfileRegistry(lockfilePath: string): Promise<LockfileRegistry> {
  const documents = packageDocuments(parse(readFileSync(lockfilePath, "utf8")) as Lockfile, storeManifestReader(dirname(lockfilePath)));
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "/").slice(1));
    const document = documents.get(name);
    if (!document) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `${name} is not in the lockfile` }));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...document, versions: withTarballs(document.versions, url) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface PackageDocument {
  name: string;
  "dist-tags": { latest: string };
  versions: Record<string, Record<string, unknown>>;
}

/** One registry document per package name, with each version the lockfile holds. */
function packageDocuments(lockfile: Lockfile, storeManifest: StoreManifestReader): Map<string, PackageDocument> {
  const dependenciesOf = new Map<string, LockedSnapshot>();
  for (const [key, snapshot] of Object.entries(lockfile.snapshots ?? {})) dependenciesOf.set(withoutPeers(key), snapshot ?? {});
  const documents = new Map<string, PackageDocument>();
  for (const [key, locked] of Object.entries(lockfile.packages ?? {})) {
    const integrity = locked.resolution?.integrity;
    if (!integrity || locked.resolution?.tarball) continue;
    const at = key.lastIndexOf("@");
    const name = key.slice(0, at);
    const version = key.slice(at + 1);
    const snapshot = dependenciesOf.get(key) ?? {};
    const document = documents.get(name) ?? { name, "dist-tags": { latest: version }, versions: {} };
    document.versions[version] = {
      name,
      version,
      dependencies: exactVersions(snapshot.dependencies),
      optionalDependencies: exactVersions(snapshot.optionalDependencies),
      ...pick(locked, ["engines", "os", "cpu", "libc", "peerDependenciesMeta"]),
      ...declaredPeers(locked),
      // pnpm writes hasBin from the manifest's bin: without it, every package resolved anew would lose the flag.
      ...(locked.hasBin ? { bin: storeManifest(name, version, integrity)?.bin } : {}),
      dist: { integrity },
    };
    if (compareVersions(version, document["dist-tags"].latest) > 0) document["dist-tags"].latest = version;
    documents.set(name, document);
  }
  return documents;
}

/** `4.10.1(eslint@10.15.0)` → `4.10.1`; an alias `string-width@4.2.3` → `npm:string-width@4.2.3`. */
function exactVersions(dependencies: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dependencies ?? {}).map(([name, resolved]) => {
      const version = withoutPeers(resolved);
      return [name, /^[0-9]/.test(version) ? version : `npm:${version}`];
    }),
  );
}

function withTarballs(versions: PackageDocument["versions"], registry: string): PackageDocument["versions"] {
  return Object.fromEntries(
    Object.entries(versions).map(([version, manifest]) => {
      const tarball = `${registry}${String(manifest.name)}/-/${String(manifest.name).split("/").pop()}-${version}.tgz`;
      return [version, { ...manifest, dist: { ...(manifest.dist as object), tarball } }];
    }),
  );
}

function withoutPeers(key: string): string {
  const paren = key.indexOf("(");
  return paren === -1 ? key : key.slice(0, paren);
}

/**
 * The lockfile writes an optional peer that a manifest only names in `peerDependenciesMeta` (debug's
 * supports-color) as `"*"` in `peerDependencies` too. Served that way, pnpm resolves it like a declared
 * peer and links any copy in the graph to every dependent once it resolves anything anew, so the
 * lockfile of every package changes; served as the registry does, it stays as it was.
 */
function declaredPeers(locked: LockedPackage): Pick<LockedPackage, "peerDependencies"> {
  const peers = Object.entries(locked.peerDependencies ?? {}).filter(([name, range]) => !(range === "*" && isOptional(locked, name)));
  return peers.length ? { peerDependencies: Object.fromEntries(peers) } : {};
}

function isOptional(locked: LockedPackage, name: string): boolean {
  const meta = locked.peerDependenciesMeta?.[name];
  return typeof meta === "object" && meta !== null && (meta as { optional?: unknown }).optional === true;
}

function pick(source: LockedPackage, keys: (keyof LockedPackage)[]): Partial<LockedPackage> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const [x, y] = [left[i], right[i]];
    if (x === y) continue;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
