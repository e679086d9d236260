// A real SMTP server for the browser tests: every message it receives is written to
// $E2E_DATA_DIR/smtp-sink/<time>-<n>.eml, where the tests read them.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const dir = path.join(process.env.E2E_DATA_DIR!, "smtp-sink");
fs.mkdirSync(dir, { recursive: true });
let n = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      n += 1;
      fs.writeFileSync(
        path.join(dir, `${Date.now()}-${String(n).padStart(4, "0")}.eml`),
        Buffer.concat(chunks),
      );
      callback();
    });
  },
});
server.listen(Number(process.env.E2E_SMTP_PORT), "127.0.0.1", () =>
  console.log(`smtp sink on ${process.env.E2E_SMTP_PORT}`),
);
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => server.close(() => process.exit(0)));
