import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

declare module '@tanstack/react-table' {
  // Declaration merging with TanStack's own interface: the type parameters must match its declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell names its row for screen readers (`<th scope="row">`). */
    isRowHeader?: boolean;
    className?: string;
    lang?: string;
  }
}

/** A semantic table with a caption, its rows and columns from TanStack Table (headless: the markup is ours). */
export function DataTable<T>({
  data,
  columns,
  caption,
  className,
}: {
  data: readonly T[];
  // TanStack's column list mixes value types per column, which only `any` can express.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ReadonlyArray<ColumnDef<T, any>>;
  caption: ReactNode;
  className?: string;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is built on each render, never memoised.
  const table = useReactTable<T>({
    data: data as T[],
    columns: columns as Array<ColumnDef<T>>,
    getCoreRowModel: getCoreRowModel(),
  });
  return (
    <table className={`data-table ${className ?? ''}`.trim()}>
      <caption>{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col" className={header.column.columnDef.meta?.className}>
                {header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              return meta?.isRowHeader ? (
                <th key={cell.id} scope="row" className={meta.className} lang={meta.lang}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={meta?.className} lang={meta?.lang}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
