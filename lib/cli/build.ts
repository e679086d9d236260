import { ensureBuild } from "../ops/build";

// npm run build — the production build `npm start` serves, made only when the sources changed
// since the last one (so a build made here, e.g. in a container image, is not made again).
try {
  const { built } = ensureBuild({ log: (line) => console.log(`[build] ${line}`) });
  if (!built) console.log("[build] the build is current (sources unchanged since it was made)");
} catch (e) {
  console.error(`[build] ${(e as Error).message}`);
  process.exit(1);
}
