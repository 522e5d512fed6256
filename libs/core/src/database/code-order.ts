// The order of codes outside SQL, the same as the database's: byte order,
// as collation "C" compares the ASCII codes of OPDs (decision 0520). Not
// localeCompare, whose linguistic order may differ from the SQL's.
export const compareCodesC = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
