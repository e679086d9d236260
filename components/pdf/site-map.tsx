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
import {
  SiteMapShapes,
  type TMapDistanceProps,
  type TMapKit,
  type TMapLabelProps,
} from "@/components/geo/site-map-shapes";
import { MARKER_STROKE, markerPath } from "@/lib/geo/map-style";
import type { TDistanceRow, TSiteMapData } from "@/lib/reports/types";
import { h2Block, paraBlock } from "./blocks";
import { textWidth } from "./measure";
import { type TBlock, tableBlocks } from "./table";
import { CONTENT_WIDTH, FONT, s } from "./theme";

const PDF_WIDTH = Math.floor(CONTENT_WIDTH);

function Label({ x, y, anchor, children }: TMapLabelProps) {
  return (
    <SvgText
      x={x}
      y={y}
      textAnchor={anchor}
      style={{ fontSize: 15, fontFamily: FONT }}
      fill="#0f172a"
    >
      {children}
    </SvgText>
  );
}

/** The distance on a white tab beside the arc's middle, clear of the markers. */
function Distance({ x, y, children }: TMapDistanceProps) {
  const w = textWidth({ text: children, fontSize: 14, bold: true }) + 10;
  return (
    <G>
      <Rect
        x={x + 10}
        y={y - 10}
        width={w}
        height={20}
        rx={4}
        fill="#ffffff"
        stroke="#334155"
        strokeWidth={0.75}
      />
      <SvgText
        x={x + 15}
        y={y + 5}
        style={{ fontSize: 14, fontWeight: "bold", fontFamily: FONT }}
        fill="#1e293b"
      >
        {children}
      </SvgText>
    </G>
  );
}

const PDF_KIT: TMapKit = { Path: (p) => <Path {...p} />, Label, Distance };

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
          <SiteMapShapes map={map} kit={PDF_KIT} />
        </G>
      </Svg>
      <View style={{ flexDirection: "row", gap: 14, marginTop: 4, marginBottom: 10 }}>
        {map.legend.map((l) => (
          <View key={l.kind} style={{ flexDirection: "row", alignItems: "center", gap: 4 }}>
            {/* The marker's own shape, as drawn on the map. */}
            <Svg width={9} height={9} viewBox="-9 -9 18 18">
              <Path d={markerPath(l.kind, 0, 0)} fill={l.color} {...MARKER_STROKE} />
            </Svg>
            <Text style={s.small}>{l.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The sites section as flow blocks: the map, then the distance table (continuing). */
export function siteMapBlocks({
  map,
  distances,
  distancesNote,
}: {
  map: TSiteMapData | null;
  distances: TDistanceRow[];
  distancesNote: string;
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
    ...(distances.length > 0 ? [paraBlock("distances-note", distancesNote, { muted: true })] : []),
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
