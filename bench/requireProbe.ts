/**
 * Child process for `requireInNode.ts`: loads a bundle under plain Node once, with `vscode` resolved to
 * a permissive stand-in, and prints `{"requireMs":…,"cpuMs":…}` on stdout: wall time and CPU time,
 * which moves less with the load of a shared machine. One process per sample, so every sample is a
 * cold load.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** Any property, call or `new` yields another stand-in; never a thenable, so nothing awaits it forever. */
function standIn(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'prototype') return t.prototype;
      if (prop === 'toString' || prop === 'valueOf') return () => '';
      if (!cache.has(prop)) cache.set(prop, standIn());
      return cache.get(prop);
    },
    apply: () => standIn(),
    construct: (_t, _args, newTarget: new () => object) => Reflect.construct(function () {}, [], newTarget),
  });
}

function installVscodeStandIn(bundle: string): void {
  const fake = path.join(path.dirname(bundle), '__vscode_stand_in__.js');
  const stub = new Module(fake);
  stub.filename = fake;
  stub.loaded = true;
  stub.exports = standIn();
  const loader = Module as unknown as {
    _cache: Record<string, Module>;
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  loader._cache[fake] = stub;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? fake : resolve.call(this, request, ...rest);
  };
}

const bundle = path.resolve(process.argv[2] ?? '');
installVscodeStandIn(bundle);
const load = Module.createRequire(__filename);
const cpuStart = process.cpuUsage();
const start = performance.now();
const exported = load(bundle) as { activate?: unknown };
const requireMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({ requireMs, cpuMs, exportsActivate: typeof exported.activate === 'function' }),
);
