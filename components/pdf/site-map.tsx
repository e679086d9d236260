import {
  ClipPath,
  Defs,
  G,
  Path,
  Rect,
  Svg,
  Text as SvgText,
  Text,
  View,
} from "@react-pdf/renderer";
import type { TDistanceRow, TSiteMapData } from "@/lib/reports/types";
import { h2Block, paraBlock } from "./blocks";
import { textWidth } from "./measure";
import { type TBlock, tableBlocks } from "./table";
import { CONTENT_WIDTH, FONT, s } from "./theme";

const PDF_WIDTH = Math.floor(CONTENT_WIDTH);

function Marker({ kind, color, x, y }: { kind: string; color: string; x: number; y: number }) {
  const r = 7;
  const common = { fill: color, stroke: "#ffffff", strokeWidth: 1.5 };
  if (kind === "secondary")
    return <Rect x={x - r * 0.85} y={y - r * 0.85} width={r * 1.7} height={r * 1.7} {...common} />;
  if (kind === "backup")
    return (
      <Path
        d={`M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`}
        {...common}
      />
    );
  if (kind === "processing")
    return (
      <Path
        d={`M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`}
        {...common}
      />
    );
  return (
    <Path d={`M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`} {...common} />
  );
}

const LEGEND_HEIGHT = 25;

/** The review page's map, drawn from precomputed path strings (lib/reports/site-map-data). */
function SiteMapFigure({ map }: { map: TSiteMapData }) {
  return (
    <View wrap={false}>
      <Svg
        width={PDF_WIDTH}
        height={(PDF_WIDTH * map.height) / map.width}
        viewBox={`0 0 ${map.width} ${map.height}`}
      >
        <Defs>
          <ClipPath id="frame">
            <Rect x={0} y={0} width={map.width} height={map.height} />
          </ClipPath>
        </Defs>
        <Rect x={0} y={0} width={map.width} height={map.height} fill="#e0f2fe" />
        <G clipPath="url(#frame)">
          <Path d={map.land} fill="#e2e8f0" />
          <Path d={map.borders} fill="none" stroke="#ffffff" strokeWidth={0.75} />
          {map.arcs.map((a) => (
            <Path
              key={a.d}
              d={a.d}
              fill="none"
              stroke="#334155"
              strokeWidth={1.5}
              strokeDasharray="5 4"
            />
          ))}
          {map.markers.map((m) => (
            <Marker key={m.id} {...m} />
          ))}
          {map.labels.map((l) => (
            <SvgText
              key={`${l.x},${l.y}`}
              x={l.x}
              y={l.y}
              textAnchor={l.anchor}
              style={{ fontSize: 15, fontFamily: FONT }}
              fill="#0f172a"
            >
              {l.text}
            </SvgText>
          ))}
          {map.arcs.map((a) => {
            if (!a.mid) return null;
            // The distance sits beside the arc's middle on a white tab, clear of the markers.
            const w = textWidth({ text: a.label, fontSize: 14, bold: true }) + 10;
            return (
              <G key={`t${a.d}`}>
                <Rect
                  x={a.mid[0] + 10}
                  y={a.mid[1] - 10}
                  width={w}
                  height={20}
                  rx={4}
                  fill="#ffffff"
                  stroke="#334155"
                  strokeWidth={0.75}
                />
                <SvgText
                  x={a.mid[0] + 15}
                  y={a.mid[1] + 5}
                  style={{ fontSize: 14, fontWeight: "bold", fontFamily: FONT }}
                  fill="#1e293b"
                >
                  {a.label}
                </SvgText>
              </G>
            );
          })}
        </G>
      </Svg>
      <View style={{ flexDirection: "row", gap: 14, marginTop: 4, marginBottom: 10 }}>
        {map.legend.map((l) => (
          <View key={l.kind} style={{ flexDirection: "row", alignItems: "center", gap: 4 }}>
            {/* The marker's own shape, as drawn on the map. */}
            <Svg width={9} height={9} viewBox="-9 -9 18 18">
              <Marker kind={l.kind} color={l.color} x={0} y={0} />
            </Svg>
            <Text style={s.small}>{l.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The sites section as flow blocks: the map, then every pair's distance (continuing). */
export function siteMapBlocks({
  map,
  distances,
}: {
  map: TSiteMapData | null;
  distances: TDistanceRow[];
}): TBlock[] {
  return [
    h2Block("sites", "Sites and distances"),
    map
      ? {
          key: "map",
          height: (PDF_WIDTH * map.height) / map.width + LEGEND_HEIGHT,
          node: <SiteMapFigure map={map} />,
        }
      : paraBlock("no-map", "The vendor gave no site coordinates.", { muted: true }),
    ...tableBlocks({
      key: "distances",
      continued: [h2Block("sites-c", "Sites and distances (continued)")],
      columns: [
        { title: "From", flex: 3 },
        { title: "To", flex: 3 },
        { title: "Distance", flex: 1.3 },
        { title: "Note", flex: 2.4 },
      ],
      rows: distances.map((d) => [d.from, d.to, d.distance, d.note || "—"]),
    }),
  ];
}
