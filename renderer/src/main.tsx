import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { createServices } from "./app/services";
import { detectPlatform } from "./platform";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
createServices(detectPlatform()).then(
  (services) =>
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(<p role="alert">Arbiter Desk could not start: {String(error)}</p>),
);
