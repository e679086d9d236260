"use client";

import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

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
