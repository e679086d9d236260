"use client";

import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";
import "./api-reference.css";

// swagger-ui reads the browser's window as it loads: rendered in the browser only.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => <p>Loading the reference…</p>,
});

/** The API reference, rendered in the browser from the OpenAPI document (no CDN, no fetch). */
export function ApiReference({ spec }: { spec: object }) {
  return (
    <SwaggerUI
      spec={spec}
      docExpansion="list"
      defaultModelsExpandDepth={0}
      tryItOutEnabled={false}
    />
  );
}
