import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// nginx in front of app instances, configured by the shipped example
// (lib/ops/examples/nginx.conf.example) with this run's ports: for the balancer e2e and
// bench:autosave.

/** Starts nginx (Debian's, /usr/sbin/nginx) on `listen`, round-robin over `upstreams`. */
export async function startNginx({ listen, upstreams }: { listen: number; upstreams: number[] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-nginx-"));
  fs.chmodSync(dir, 0o777); // nginx's workers (nobody, when run as root) write temp files here
  const example = fs.readFileSync("lib/ops/examples/nginx.conf.example", "utf8");
  let i = 0;
  const site = example
    .replace(/server 127\.0\.0\.1:\d+/g, () => `server 127.0.0.1:${upstreams[i++]}`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${listen};`);
  if (i !== upstreams.length)
    throw new Error(`the example names ${i} upstreams, not ${upstreams.length}`);
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  log_format upstream '$request_method $uri $status $upstream_addr';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const child: ChildProcess = spawn("/usr/sbin/nginx", ["-p", dir, "-c", conf], {
    stdio: "inherit",
  });
  const url = `http://127.0.0.1:${listen}`;
  for (let t = 0; t < 100; t++) {
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const read = (f: string) =>
    fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "";
  return {
    url,
    dir,
    accessLog: () => read("access.log"),
    errorLog: () => read("error.log"),
    stop: () => child.kill("SIGQUIT"),
  };
}
