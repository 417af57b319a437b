import { Reply, type ReplyWrite } from "@shared/api/replies";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error";
import type { ApiCall } from "../api/call";
import { problemMessage } from "../api/problem-message";
import type { DeskData } from "../desk-data";
import { useFormatters } from "../i18n/format";
import { draftOf, EMPTY_DRAFT, type ReplyDraft, ReplyEditor } from "./replies-admin-form";

type Editing = { kind: "new" } | { kind: "edit"; reply: Reply } | null;

/**
 * Supervision → Replies: every canned reply and decision macro, from the server (supervisors
 * manage them online), with add, edit and archive. Each write goes at the version shown (If-Match)
 * with its own Idempotency-Key; someone else's edit in between reloads the form with theirs. After
 * a write the desk's own cache pulls, so this desk's picker has it at once.
 */
export function RepliesAdmin({ call, data }: { call: ApiCall; data: DeskData }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The problem catalog is looked up by the error's type, a key the compiler cannot list here.
  const problem = useCallback(
    (error: unknown) => problemMessage(error, (key, params) => t(key as "problems.busy", params)),
    [t],
  );
  const [replies, setReplies] = useState<Reply[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  /** A new key per opening of the editor: the form remounts with the draft it was given. */
  const [round, setRound] = useState(0);
  const [initial, setInitial] = useState<ReplyDraft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState("");

  const reload = useCallback(async () => {
    const list = await call("listReplies", { query: { since: 0 } });
    setReplies([...list.replies].sort((a, b) => a.title.localeCompare(b.title)));
    void data.replies.sync().catch(() => undefined);
  }, [call, data]);
  useEffect(() => {
    reload().catch((error: unknown) => setNotice(problem(error)));
  }, [reload, problem]);

  const open = (next: Editing) => {
    setEditing(next);
    setInitial(next?.kind === "edit" ? draftOf(next.reply) : EMPTY_DRAFT);
    setMessage(null);
    setRound((n) => n + 1);
  };

  const save = async (body: ReplyWrite) => {
    const idempotencyKey = crypto.randomUUID();
    try {
      const saved =
        editing?.kind === "edit"
          ? await call("updateReply", {
              params: { id: editing.reply.id },
              body,
              idempotencyKey,
              ifMatch: editing.reply.version,
            })
          : await call("createReply", { body, idempotencyKey });
      setEditing(null);
      setNotice(t("replies.admin.saved", { title: saved.title }));
      await reload();
    } catch (error) {
      const current = staleReply(error);
      if (current && editing?.kind === "edit") {
        // Their version replaces the draft: the supervisor decides again on what is there now.
        open({ kind: "edit", reply: current });
        setMessage(t("replies.admin.stale"));
        return;
      }
      setMessage(t("replies.admin.failed", { error: problem(error) }));
    }
  };

  const archive = async (reply: Reply) => {
    try {
      await call("archiveReply", {
        params: { id: reply.id },
        idempotencyKey: crypto.randomUUID(),
        ifMatch: reply.version,
      });
      setNotice(t("replies.admin.archivedDone", { title: reply.title }));
    } catch (error) {
      setNotice(staleReply(error) ? t("replies.admin.stale") : problem(error));
    }
    await reload().catch(() => undefined);
  };

  const shown = replies.filter((reply) => showArchived || !reply.archived);
  return (
    <section className="replies-admin" aria-labelledby="replies-admin-title">
      <h1 id="replies-admin-title">{t("replies.admin.title")}</h1>
      <p className="muted">{t("replies.admin.intro")}</p>
      <div className="report-toolbar">
        <button type="button" className="primary" onClick={() => open({ kind: "new" })}>
          {t("replies.admin.new")}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          {t("replies.admin.showArchived")}
        </label>
      </div>
      <p role="status" className="notice">
        {notice}
      </p>
      {editing ? (
        <ReplyEditor
          key={round}
          initial={initial}
          message={message}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {shown.length === 0 ? (
        <p>{t("replies.admin.none")}</p>
      ) : (
        <table aria-label={t("replies.admin.title")}>
          <thead>
            <tr>
              {(["title", "kind", "outcome", "tags", "updated", "actions"] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`replies.admin.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((reply) => (
              <tr key={reply.id} className={reply.archived ? "muted" : undefined}>
                <td>
                  <span data-user-text="">{reply.title}</span>
                  {reply.archived ? (
                    <span className="tag"> {t("replies.admin.archived")}</span>
                  ) : null}
                </td>
                <td>{t(`replies.admin.kinds.${reply.kind}`)}</td>
                <td>{reply.outcome ? t(`outcome.${reply.outcome}`) : "—"}</td>
                <td data-user-text="">{reply.tags.join(", ")}</td>
                <td>
                  {t("replies.admin.updated", { at: format.dateTime(reply.updatedAt) })} ·{" "}
                  {t("replies.admin.version", { version: reply.version })}
                </td>
                <td>
                  {reply.archived ? null : (
                    <>
                      <button type="button" onClick={() => open({ kind: "edit", reply })}>
                        {t("replies.admin.edit")}
                      </button>{" "}
                      <button type="button" onClick={() => void archive(reply)}>
                        {t("replies.admin.archive")}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The server's current reply from a 412, when that is what the error is. */
function staleReply(error: unknown): Reply | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const parsed = Reply.safeParse((error.body as { current?: unknown } | null)?.current);
  return parsed.success ? parsed.data : null;
}
