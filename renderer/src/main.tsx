import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { createServices } from "./app/services";
import { detectPlatform } from "./platform";
import { registerAppShellCache } from "./platform/app-shell-cache";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
const platform = detectPlatform();
if (platform.kind === "web") registerAppShellCache();
createServices(platform).then(
  (services) =>
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(<p role="alert">Arbiter Desk could not start: {String(error)}</p>),
);
