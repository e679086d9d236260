import { Text } from "@react-pdf/renderer";
import type { TReportSeverity } from "@/lib/reports/types";
import { SEVERITY_COLORS, s } from "./theme";

export function SeverityBadge({ severity, large }: { severity: TReportSeverity; large?: boolean }) {
  const c = SEVERITY_COLORS[severity];
  return (
    <Text
      style={[
        s.badge,
        { alignSelf: "flex-start" },
        { color: c.fg, backgroundColor: c.bg },
        large ? { fontSize: 11, paddingHorizontal: 8, paddingVertical: 3 } : {},
      ]}
    >
      {severity}
    </Text>
  );
}
