import { useEffect } from "react";
import { useStore } from "zustand";
import type { QueueStore } from "./queue-store";
import { QueueTable } from "./queue-table";

export function QueueScreen({ store }: { store: QueueStore }) {
  const { cases, status, error, load } = useStore(store);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <header className="queue-header">
        <h1 id="queue-heading">Queue</h1>
        <p className="queue-count" aria-live="polite">
          {status === "loading" ? `Loading… ${cases.length} appeals` : `${cases.length} appeals`}
        </p>
      </header>
      {error ? (
        <div role="alert" className="error-banner">
          {error}{" "}
          <button type="button" onClick={() => void load()}>
            Retry
          </button>
        </div>
      ) : null}
      <div className="queue-scroll">
        <QueueTable cases={cases} />
      </div>
    </section>
  );
}
