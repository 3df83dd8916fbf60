/*
 * overdue.c - the overdue instalments in the user's scope (lib/overdue.c):
 * the page, filtered by owner with keyset paging, and its CSV export,
 * which reads the same pages and is audited. It is the overdue payments
 * report of SPEC 5.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "csv.h"
#include "ctx.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "overdue.h"
#include "owner.h"
#include "str.h"
#include "contracts.h"

#define PAGE_SIZE	50
/* Past this many rows the user narrows the filter (the file says so). */
#define EXPORT_MAX	10000

/* The page after cursor "<due date>.<id>"; the first for anything else. */
static void
cursor_set(struct ctx *c, struct overdue_query *oq, const char *after)
{
	const char	*dot;

	oq->after_due = NULL;
	oq->after_id = 0;
	if (after == NULL || (dot = strrchr(after, '.')) == NULL ||
	    str_to_id(dot + 1) <= 0)
		return;
	oq->after_due = arena_strndup(c->arena, after, (size_t)(dot - after));
	oq->after_id = str_to_id(dot + 1);
	if (!form_date_ok(oq->after_due)) {
		oq->after_due = NULL;
		oq->after_id = 0;
	}
}

static void
query_parse(struct ctx *c, struct overdue_query *oq, int limit)
{
	memset(oq, 0, sizeof(*oq));
	oq->limit = limit;
	if ((oq->owner = str_to_id(req_query(&c->req, "owner"))) > 0)
		ctx_set_int(c, "List.owner", oq->owner);
	cursor_set(c, oq, req_query(&c->req, "after"));
}

static void
page_row(struct ctx *c, const struct overdue_row *r, void *arg)
{
	HDF	*rows = arg;

	overdue_to_node(c, node_item(rows, node_count(rows)), r);
}

int
contract_overdue(struct ctx *c)
{
	struct overdue_query	 oq;
	const char		*next;

	query_parse(c, &oq, PAGE_SIZE);
	if (oq.after_due != NULL)
		ctx_set_int(c, "List.paged", 1);
	if (owner_filter_choices(c, RT_CONTRACT) == -1 ||
	    overdue_page(c, &oq, page_row, ctx_node(c, "Rows"), &next) == -1)
		return 500;
	ctx_set(c, "List.next", next);
	ctx_set_int(c, "List.count", node_count(ctx_node(c, "Rows")));
	if (perm_scope(c, RT_CONTRACT, ACT_EXPORT) != SCOPE_NONE)
		ctx_set_int(c, "Can.export", 1);
	return http_page(c, "contracts/overdue.cs");
}

static const char *const export_columns[] = {
	"contract.code", "contract.title", "contract.customer",
	"contract.owner", "contract.instalment", "contract.due_date",
	"contract.days_overdue", "contract.amount", "contract.paid_amount",
	"contract.outstanding",
};

static void
csv_row(struct ctx *c, const struct overdue_row *r, void *arg)
{
	long		*rows = arg;

	csv_field(&c->body, 1, r->code);
	csv_field(&c->body, 0, r->title);
	csv_field(&c->body, 0, r->customer);
	csv_field(&c->body, 0, r->owner);
	csv_field(&c->body, 0, r->position);
	csv_field(&c->body, 0, r->due);
	csv_field(&c->body, 0, r->days);
	csv_field(&c->body, 0, r->amount);
	csv_field(&c->body, 0, r->paid);
	csv_field(&c->body, 0, money_decimal(c->arena, r->owed));
	csv_row_end(&c->body);
	(*rows)++;
}

int
contract_overdue_export(struct ctx *c)
{
	struct overdue_query	 oq;
	const char		*next = NULL;
	long			 rows = 0;
	size_t			 i;
	char			 day[16];
	time_t			 now = time(NULL);
	struct tm		 tm;

	query_parse(c, &oq, PAGE_SIZE);
	/* A byte-order mark, so spreadsheets read the file as UTF-8. */
	buf_puts(&c->body, "\xef\xbb\xbf");
	for (i = 0; i < NFIELDS(export_columns); i++)
		csv_field(&c->body, i == 0, ctx_msg(c, export_columns[i]));
	csv_row_end(&c->body);
	do {
		if (overdue_page(c, &oq, csv_row, &rows, &next) == -1)
			return 500;
		cursor_set(c, &oq, next);
	} while (next != NULL && rows < EXPORT_MAX);
	if (next != NULL) {
		csv_field(&c->body, 1, ctx_msg(c, "contract.export_cut"));
		csv_row_end(&c->body);
	}
	if (audit_log(c, "export", "contract", 0, "overdue", NULL,
	    arena_printf(c->arena, "rows=%ld filter=%s", rows,
	    c->req.query_string ? c->req.query_string : "")) == -1)
		return 500;
	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y%m%d", &tm);
	c->content_type = "text/csv; charset=utf-8";
	http_header(c, "Content-Disposition", arena_printf(c->arena,
	    "attachment; filename=\"overdue-instalments-%s.csv\"", day));
	return 0;
}
