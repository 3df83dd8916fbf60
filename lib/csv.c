/*
 * csv.c - comma-separated values for spreadsheets.
 */
#include <string.h>

#include "buf.h"
#include "csv.h"

/* A negative amount, which a spreadsheet should keep a number. */
static int
negative_number(const char *value)
{
	size_t	n = strspn(value + 1, "0123456789");

	if (value[0] != '-' || n == 0)
		return 0;
	value += 1 + n;
	if (*value == '.' && value[1] != '\0')
		value += 1 + strspn(value + 1, "0123456789");
	return *value == '\0';
}

/* Would a spreadsheet take the value for a formula? */
static int
formula_like(const char *value)
{
	return value[0] != '\0' && strchr("=+-@\t\r", value[0]) != NULL &&
	    !negative_number(value);
}

void
csv_field(struct buf *b, int first, const char *value)
{
	const char	*p;
	int		 formula;

	if (!first)
		buf_putc(b, ',');
	if (value == NULL)
		return;
	formula = formula_like(value);
	if (!formula && strpbrk(value, ",\"\r\n") == NULL) {
		buf_puts(b, value);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (p = value; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

void
csv_row_end(struct buf *b)
{
	buf_puts(b, "\r\n");
}
