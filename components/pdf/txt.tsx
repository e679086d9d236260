import { Text, type View } from "@react-pdf/renderer";
import type { ComponentProps } from "react";
import { needsFallback } from "./measure";
import { FALLBACK_STYLE } from "./theme";

type TStyle = NonNullable<ComponentProps<typeof View>["style"]>;

/** The style, plus the DejaVu fallback when Helvetica cannot draw all of `text`. */
export function fontStyle(style: TStyle | undefined, ...text: string[]): TStyle | undefined {
  if (!needsFallback(text.join(""))) return style;
  return (style ? [style, FALLBACK_STYLE] : FALLBACK_STYLE) as TStyle;
}

/** A Text of one string, set in Helvetica unless a character needs the fallback font. */
export function Txt({ style, children }: { style?: TStyle; children: string }) {
  return <Text style={fontStyle(style, children)}>{children}</Text>;
}
