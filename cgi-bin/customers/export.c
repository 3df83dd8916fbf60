/*
 * export.c - the customer list as CSV: the same filters, sort and scope
 * as the list page, the same columns as the user sees them there (a field
 * hidden from the user is left out, fieldsec.h), with the custom columns
 * the user chose, and an audit row that
 * says who exported which columns of how many customers, with what
 * filters.
 */
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "choice.h"
#include "csv.h"
#include "ctx.h"
#include "fieldsec.h"
#include "http.h"
#include "customers.h"

/*
 * An export reads page after page by the list's keyset; past this many
 * rows the user narrows the filters (the file says so in its last line).
 */
#define EXPORT_MAX	10000

/* A column: its label key and the member of struct list_row. */
static const struct column {
	const char	*field;		/* restricted field, or NULL */
	const char	*label;
	size_t		 off;
} columns[] = {
	{ NULL, "customer.code", offsetof(struct list_row, code) },
	{ NULL, "customer.name", offsetof(struct list_row, name) },
	{ NULL, "customer.industry", offsetof(struct list_row, industry) },
	{ "grade", "customer.grade", offsetof(struct list_row, grade) },
	{ NULL, "customer.owner", offsetof(struct list_row, owner) },
	{ NULL, "customer.last_followup",
	    offsetof(struct list_row, last_followup) },
	{ NULL, "customer.created", offsetof(struct list_row, created) },
};
#define NCOLUMNS	(sizeof(columns) / sizeof(columns[0]))

struct export {
	int			 shown[NCOLUMNS]; /* the user may see it */
	const struct cf_set	*set;	/* then the user's custom columns */
	long			 rows;
};

static void
row_to_csv(struct ctx *c, const struct list_row *r, void *arg)
{
	struct export	*e = arg;
	size_t		 i;
	int		 first = 1;

	for (i = 0; i < NCOLUMNS; i++) {
		if (!e->shown[i])
			continue;
		csv_field(&c->body, first, *(const char *const *)
		    ((const char *)r + columns[i].off));
		first = 0;
	}
	for (i = 0; i < e->set->n; i++)
		if (list_column(&e->set->f[i]))
			csv_field(&c->body, 0, list_column_value(c,
			    &e->set->f[i], r));
	csv_row_end(&c->body);
	e->rows++;
}

/* The header row; the names of the columns exported, for the audit. */
static const char *
header(struct ctx *c, struct export *e)
{
	struct buf	 names;
	size_t		 i;
	int		 first = 1;

	buf_init(&names, c->arena);
	/* A byte-order mark, so spreadsheets read the file as UTF-8. */
	buf_puts(&c->body, "\xef\xbb\xbf");
	for (i = 0; i < NCOLUMNS; i++) {
		e->shown[i] = columns[i].field == NULL ||
		    field_access_named(c, RT_CUSTOMER, columns[i].field) !=
		    FA_HIDDEN;
		if (!e->shown[i])
			continue;
		csv_field(&c->body, first, ctx_msg(c, columns[i].label));
		csv_field(&names, first, columns[i].label);
		first = 0;
	}
	for (i = 0; i < e->set->n; i++) {
		if (!list_column(&e->set->f[i]))
			continue;
		csv_field(&c->body, 0, e->set->f[i].label);
		csv_field(&names, 0, e->set->f[i].name);
	}
	csv_row_end(&c->body);
	return buf_str(&names);
}

int
customer_export(struct ctx *c)
{
	struct list_query	 lq;
	struct cf_set		 cf;
	struct export		 e = { { 0 }, &cf, 0 };
	const char		*next = NULL, *fields;
	char			 day[16];
	time_t			 now = time(NULL);
	struct tm		 tm;

	if (choice_load(c) == -1 || cf_load(c, RT_CUSTOMER, &cf) == -1)
		return 500;
	list_parse(c, &cf, &lq);
	list_cursor(c, &lq, NULL);
	buf_truncate(&c->body, 0);
	fields = header(c, &e);
	do {
		if (list_page(c, &lq, row_to_csv, &e, &next) == -1)
			return 500;
		list_cursor(c, &lq, next);
	} while (next != NULL && e.rows < EXPORT_MAX);
	if (next != NULL) {
		csv_field(&c->body, 1, ctx_msg(c, "list.export_cut"));
		csv_row_end(&c->body);
	}
	if (audit_log(c, "export", "customer", 0, "list", NULL,
	    arena_printf(c->arena, "rows=%ld columns=%s filter=%s", e.rows,
	    fields, c->req.query_string ? c->req.query_string : "")) == -1)
		return 500;
	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y%m%d", &tm);
	c->content_type = "text/csv; charset=utf-8";
	http_header(c, "Content-Disposition", arena_printf(c->arena,
	    "attachment; filename=\"customers-%s.csv\"", day));
	return 0;
}
