import type { TOperation } from "../define";
import * as assessments from "./assessments";
import * as findings from "./findings";
import * as reports from "./reports";
import * as vendors from "./vendors";

/** Every /api/v1 operation: the OpenAPI document and the authorization tests read this list. */
export const OPERATIONS: TOperation[] = [vendors, assessments, findings, reports].flatMap((m) =>
  Object.values(m).filter(
    (v): v is TOperation => typeof v === "object" && v !== null && "handler" in v,
  ),
);
