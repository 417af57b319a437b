import type { CaseSummary } from "@shared/domain/appeal";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { formatAmount, formatDateTime } from "./format";
import { KIND_LABEL, REASON_LABEL, STATUS_LABEL } from "./labels";

const features = tableFeatures({});
const column = createColumnHelper<typeof features, CaseSummary>();

const columns = column.columns([
  column.accessor("reference", {
    header: "Reference",
    cell: (c) => <span className="mono">{c.getValue()}</span>,
  }),
  column.accessor("kind", { header: "Kind", cell: (c) => KIND_LABEL[c.getValue()] }),
  column.accessor("reason", { header: "Reason", cell: (c) => REASON_LABEL[c.getValue()] }),
  column.accessor("amount", {
    header: "Amount",
    cell: (c) => <span className="num">{formatAmount(c.getValue(), c.row.original.currency)}</span>,
  }),
  column.display({
    id: "parties",
    header: "Parties",
    cell: (c) => (
      <span className="parties">
        <span title="Complainant">{c.row.original.complainantName}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> against </span>
        <span title="Respondent">{c.row.original.respondentName}</span>
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (c) => (
      <span className={`status status-${c.getValue()}`}>{STATUS_LABEL[c.getValue()]}</span>
    ),
  }),
  column.accessor("escalatedAt", {
    header: "Escalated",
    cell: (c) => formatDateTime(c.getValue()),
  }),
]);

export function QueueTable({ cases }: { cases: CaseSummary[] }) {
  const table = useTable({ features, columns, data: cases, getRowId: (row) => row.id });
  return (
    <table className="queue-table" aria-label="Appeal queue">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
