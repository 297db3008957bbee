/** A chart's data as a plain table (DataTable): its first column names each row. */
export interface TableData {
	head: readonly string[];
	rows: readonly { key: string | number; cells: readonly string[] }[];
}
