/**
 * The case report as a page: what Electron's printToPDF prints and what web mode's client-side PDF
 * lays out (both from the same `SealedReport`). Print styles live in report.css.
 */
import type { ReportBlock, SealedReport } from "./report-model";
import "./report.css";

function Block({
  block,
  thumbnails,
}: {
  block: ReportBlock;
  thumbnails: ReadonlyMap<string, string>;
}) {
  switch (block.kind) {
    case "fields":
      return (
        <dl className="report-fields">
          {block.rows.map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "text":
      return <p className={block.isNote ? "report-note" : "report-text"}>{block.text}</p>;
    case "table":
      return (
        <table className="report-table">
          <thead>
            <tr>
              {block.columns.map((column) => (
                <th key={column.label} scope="col" style={{ width: `${column.width * 10}%` }}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((cells, i) => (
              // Rows have no identity of their own beyond their place in the report.
              // biome-ignore lint/suspicious/noArrayIndexKey: static, never reordered
              <tr key={i}>
                {cells.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static, never reordered
                  <td key={j} className={block.columns[j]?.isCode ? "code" : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "records":
      return (
        <div className="report-records">
          {block.records.map((record) => (
            <article key={record.title} className="report-record">
              <h3>{record.title}</h3>
              <Block block={{ kind: "fields", rows: record.rows }} thumbnails={thumbnails} />
              {record.text ? <p className="report-text">{record.text}</p> : null}
            </article>
          ))}
        </div>
      );
    case "evidence":
      return (
        <ul className="report-evidence">
          {block.items.map((item) => {
            const thumbnail = thumbnails.get(item.id);
            return (
              <li key={item.id}>
                {thumbnail ? <img src={thumbnail} alt={item.fileName} /> : null}
                <div>
                  <strong>{item.fileName}</strong>
                  <span className="report-note">
                    {item.mimeType} · {item.size} · {item.uploadedBy} · {item.uploadedAt}
                  </span>
                  <code>SHA-256 {item.sha256}</code>
                  {item.description ? <span>{item.description}</span> : null}
                </div>
              </li>
            );
          })}
        </ul>
      );
  }
}

export function CaseReportView({
  report,
  thumbnails = new Map(),
}: {
  report: SealedReport;
  /** Object URLs of evidence thumbnails by evidence id. */
  thumbnails?: ReadonlyMap<string, string>;
}) {
  return (
    <article
      className="case-report"
      lang={report.language}
      aria-label={`${report.title} ${report.reference}`}
    >
      <header>
        <h1>{report.title}</h1>
        <p className="report-subtitle">
          {report.reference} · {report.caseId}
        </p>
      </header>
      {report.sections.map((section) => (
        <section key={section.id} aria-labelledby={`report-${section.id}`}>
          <h2 id={`report-${section.id}`}>{section.title}</h2>
          {section.blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are static within a section
            <Block key={i} block={block} thumbnails={thumbnails} />
          ))}
        </section>
      ))}
      <footer className="report-footer">
        <p>{report.footer.line}</p>
        <p>
          {report.footer.reportHashLabel}: <code>{report.hash}</code>
        </p>
        <p>{report.footer.contactsNote}</p>
      </footer>
    </article>
  );
}
