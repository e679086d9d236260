import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { poolConfigFromUrl } from "./pg-config";

// Workarounds the Prisma 6.19 CLI needs with adapter-pg (each seen failing without it):
// 1. adapter-pg cannot decode the catalog types `name` (19) and `"char"` (18) nor their
//    arrays (1003, 1002), which the schema engine's introspection queries return: report
//    them as text / text[] (prisma/prisma#27403).
// 2. discrete pool fields (see pg-config.ts) and allowExitOnIdle, or each command hangs.
// 3. adapter-pg drops its shadow database while still connected to it: connect, and on
//    dispose close first, then drop WITH (FORCE).
const TEXT = 25;
const TEXT_ARRAY = 1009;
const REMAP: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type TFields = { dataTypeID: number }[];
function remapFields(result: unknown) {
  const fields = (result as { fields?: TFields } | undefined)?.fields;
  if (fields) for (const f of fields) f.dataTypeID = REMAP[f.dataTypeID] ?? f.dataTypeID;
  return result;
}

class CatalogSafeClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded
  override query(...args: any[]): any {
    // pg.Pool calls query(text, values, callback): wrap the callback too.
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, remapFields(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") return out.then(remapFields);
    return out;
  }
}

class MigratePg extends PrismaPg {
  constructor(private readonly base: pg.PoolConfig) {
    super({ ...base, Client: CatalogSafeClient, allowExitOnIdle: true } as pg.PoolConfig);
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ ...this.base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadow = new PrismaPg({
      ...this.base,
      database: name,
      Client: CatalogSafeClient,
      allowExitOnIdle: true,
    } as pg.PoolConfig);
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const drop = new pg.Client({ ...this.base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    };
    return adapter;
  }
}

export function createMigrateAdapter({ url }: { url: string }) {
  return new MigratePg(poolConfigFromUrl({ url }));
}
