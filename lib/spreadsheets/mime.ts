/** The media type of an .xlsx file (Office Open XML spreadsheet). */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
