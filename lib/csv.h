/*
 * csv.h - comma-separated values for spreadsheets (RFC 4180).
 *
 * A field with a comma, quote or line break is quoted, quotes doubled.
 * A field that a spreadsheet would read as a formula (=, +, -, @, tab,
 * CR at its start) gets a leading apostrophe, so an exported value can
 * never run as one on the machine that opens the file.
 */
#ifndef CRM_CSV_H
#define CRM_CSV_H

struct buf;

/* Append one field, preceded by a comma unless it starts the row. */
void	csv_field(struct buf *, int first, const char *value);
/* End the row. */
void	csv_row_end(struct buf *);

#endif
