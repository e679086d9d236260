// One run of the delivery job in its own process (DATABASE_URL and DATA_DIR from the
// environment): tests start two at once to prove each mail goes out once.
import { sendPendingDeliveries } from "../../lib/jobs/deliveries";

// Both processes start their run at the same moment (START_AT, ms since the epoch), so their
// runs overlap however long each took to boot.
const startAt = Number(process.env.START_AT ?? 0);
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const result = await sendPendingDeliveries();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
