/*
 * filter.c - the filters every report takes: a period of whole months,
 * a team and an owner, by GET, so that a report is a link.
 *
 * The summaries count by month, so the period is from one month to
 * another (a date given is taken as its month). The team and owner
 * offered are those the user's report scope reaches; the form accepts
 * only those (choice_option), so a forged one is an error beside its
 * field and the report counts nothing. The SQL applies the scope again
 * in any case.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "str.h"
#include "reports.h"

/*
 * The owners of opportunities the scope reaches (those who left too:
 * their figures stay), and the user. Every opportunity has a funnel row
 * under its owner: one probe of the owner index per user. (As EXISTS,
 * MariaDB makes it a semi-join that reads the whole summary.)
 */
static const char sql_owner_options[] =
    "SELECT u.id, u.name FROM app_user u"
    " WHERE (? = 3 OR (? = 2 AND u.team_id = ?) OR u.id = ?)"
    " AND (u.id = ? OR (SELECT f.owner_id FROM report_funnel f"
    "  WHERE f.owner_id = u.id LIMIT 1) IS NOT NULL)"
    " ORDER BY u.active DESC, u.name, u.id LIMIT 500";
static const char sql_team_options[] =
    "SELECT id, name FROM team WHERE (? = 3 OR (? = 2 AND id = ?))"
    " ORDER BY name, id";

static const struct field filter_fields[] = {
	{ "from", FT_TEXT, 0, 10, NULL, 0, 0 },
	{ "to", FT_TEXT, 0, 10, NULL, 0, 0 },
	{ "team", FT_CHOICE, 0, 0, "report_team", 0, 0 },
	{ "owner", FT_CHOICE, 0, 0, "report_owner", 0, 0 },
};

/* The quick periods, in months from the current one. */
static const struct preset {
	const char	*key;
	int		 from, to;
	int		 quarter;	/* from and to count from its start */
	int		 year;		/* likewise, from January */
} presets[] = {
	{ "this_month", 0, 0, 0, 0 },
	{ "last_month", -1, -1, 0, 0 },
	{ "this_quarter", 0, 2, 1, 0 },
	{ "this_year", 0, 11, 0, 1 },
	{ "last_year", -12, -1, 0, 1 },
	{ "last_12", -11, 0, 0, 0 },
	{ "next_12", 0, 11, 0, 0 },
};

/* Months since year 0 of the current month, in the company's zone. */
static int
month_now(void)
{
	time_t		t = time(NULL);
	struct tm	tm;

	localtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

/* Month m (months since year 0) as "YYYY-MM". */
static const char *
month_text(struct ctx *c, int m)
{
	return arena_printf(c->arena, "%04d-%02d", m / 12, m % 12 + 1);
}

/* "2026-03" or a date of that month as "2026-03-01"; NULL if neither. */
static const char *
month_parse(struct ctx *c, const char *s)
{
	size_t	i;
	int	m;

	if (strlen(s) == 10 && form_date_ok(s))
		return arena_printf(c->arena, "%.7s-01", s);
	if (strlen(s) != 7 || s[4] != '-' || s[0] == '0')
		return NULL;
	for (i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return NULL;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return NULL;
	return arena_printf(c->arena, "%s-01", s);
}

const char *
month_shown(struct ctx *c, const char *month)
{
	return arena_strndup(c->arena, month, 7);
}

/* The teams and owners the scope reaches, as the filters' options. */
static int
options(struct ctx *c, enum scope s)
{
	struct dbq	q;
	int		n;

	if (db_prepare(&q, c->db, c->arena, sql_owner_options) == -1)
		return -1;
	db_bind_int(&q, 0, s);
	db_bind_int(&q, 1, s);
	db_bind_int(&q, 2, c->user->team_id);
	db_bind_int(&q, 3, c->user->id);
	db_bind_int(&q, 4, c->user->id);
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "report_owner", n, db_str(&q, 0),
		    db_str(&q, 1));
	if (db_finish(&q) == DB_ERROR)
		return -1;
	if (s == SCOPE_OWN)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_team_options) == -1)
		return -1;
	db_bind_int(&q, 0, s);
	db_bind_int(&q, 1, s);
	db_bind_int(&q, 2, c->user->team_id);
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "report_team", n, db_str(&q, 0),
		    db_str(&q, 1));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* The presets' periods, keeping the team and owner chosen. */
static void
presets_set(struct ctx *c, int now)
{
	HDF		*list = ctx_node(c, "Presets"), *p;
	size_t		 i;
	int		 base;

	for (i = 0; i < NFIELDS(presets); i++) {
		base = now;
		if (presets[i].quarter)
			base -= now % 3;
		if (presets[i].year)
			base -= now % 12;
		p = node_item(list, (int)i);
		node_set(p, "key", presets[i].key);
		node_set(p, "from", month_text(c, base + presets[i].from));
		node_set(p, "to", month_text(c, base + presets[i].to));
	}
}

/* The period from the form, or the report's default when none was sent. */
static void
period_read(struct ctx *c, const struct report *r, struct form *f,
    struct filter *flt, int now)
{
	const char	*v;

	if (req_query(&c->req, "from") == NULL &&
	    req_query(&c->req, "to") == NULL) {
		form_fill(c, "from", month_text(c, now + r->from_months));
		form_fill(c, "to", month_text(c, now + r->to_months));
		flt->from = month_parse(c, month_text(c, now + r->from_months));
		flt->to = month_parse(c, month_text(c, now + r->to_months));
		return;
	}
	if ((v = form_value(f, "from")) != NULL &&
	    (flt->from = month_parse(c, v)) == NULL)
		form_error(c, f, "from", "report.bad_month");
	if ((v = form_value(f, "to")) != NULL &&
	    (flt->to = month_parse(c, v)) == NULL)
		form_error(c, f, "to", "report.bad_month");
	if (flt->from != NULL && flt->to != NULL &&
	    strcmp(flt->from, flt->to) > 0)
		form_error(c, f, "to", "report.period_order");
}

/*
 * The filters in words (print view), and as a query string for the
 * links to the print view and the export.
 */
static void
words_set(struct ctx *c, const struct filter *flt)
{
	struct buf	 q;
	const char	*v;

	if (flt->from != NULL)
		ctx_set(c, "Filter.from", month_shown(c, flt->from));
	if (flt->to != NULL)
		ctx_set(c, "Filter.to", month_shown(c, flt->to));
	if (flt->team > 0)
		ctx_set(c, "Filter.team", choice_label(c, "report_team",
		    hdf_get_value(c->hdf, "Form.team", "")));
	if (flt->owner > 0)
		ctx_set(c, "Filter.owner", choice_label(c, "report_owner",
		    hdf_get_value(c->hdf, "Form.owner", "")));
	ctx_set(c, "Filter.scope", scope_names[flt->scope]);
	buf_init(&q, c->arena);
	buf_printf(&q, "from=%s", str_url_encode(c->arena,
	    hdf_get_value(c->hdf, "Form.from", "")));
	buf_printf(&q, "&to=%s", str_url_encode(c->arena,
	    hdf_get_value(c->hdf, "Form.to", "")));
	if ((v = hdf_get_value(c->hdf, "Form.team", NULL)) != NULL)
		buf_printf(&q, "&team=%s", str_url_encode(c->arena, v));
	if ((v = hdf_get_value(c->hdf, "Form.owner", NULL)) != NULL)
		buf_printf(&q, "&owner=%s", str_url_encode(c->arena, v));
	ctx_set(c, "Filter.query", buf_str(&q));
}

int
filter_read(struct ctx *c, const struct report *r, enum action act,
    struct filter *flt)
{
	struct form	f;
	int		now = month_now();

	memset(flt, 0, sizeof(*flt));
	flt->scope = perm_scope(c, RT_REPORT, act);
	/* Team scope without a team is the user's own figures. */
	if (flt->scope == SCOPE_TEAM && c->user->team_id == 0)
		flt->scope = SCOPE_OWN;
	if (choice_load(c) == -1 || options(c, flt->scope) == -1 ||
	    form_read_query(c, filter_fields, NFIELDS(filter_fields), &f) ==
	    -1)
		return -1;
	period_read(c, r, &f, flt, now);
	flt->team = str_to_id(form_value(&f, "team"));
	flt->owner = str_to_id(form_value(&f, "owner"));
	flt->invalid = f.nerrors > 0;
	presets_set(c, now);
	words_set(c, flt);
	return 0;
}

static void
bind_or_null(struct dbq *q, unsigned *i, long long v)
{
	if (v > 0) {
		db_bind_int(q, (*i)++, v);
		db_bind_int(q, (*i)++, v);
	} else {
		db_bind_null(q, (*i)++);
		db_bind_null(q, (*i)++);
	}
}

void
filter_bind(struct ctx *c, struct dbq *q, unsigned *i,
    const struct filter *flt, int months)
{
	db_bind_int(q, (*i)++, flt->scope);
	db_bind_int(q, (*i)++, flt->scope);
	db_bind_int(q, (*i)++, c->user->team_id);
	db_bind_int(q, (*i)++, flt->scope);
	db_bind_int(q, (*i)++, c->user->id);
	bind_or_null(q, i, flt->team);
	bind_or_null(q, i, flt->owner);
	if (!months)
		return;
	db_bind_text(q, (*i)++, flt->from);
	db_bind_text(q, (*i)++, flt->from);
	db_bind_text(q, (*i)++, flt->to);
	db_bind_text(q, (*i)++, flt->to);
}
