/*
 * stages.c - the default win probability of each stage, which an
 * opportunity takes on entering it, and the discount a quote may give
 * without a director's approval (sql/022_sales_settings.sql). The stages
 * themselves (names, order, new ones) are the choice list opp_stage of the
 * admin area; whether a stage closes as won or lost is fixed by the
 * migration that made it.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "opportunities.h"

static const char sql_stage_save[] =
    "INSERT INTO opportunity_stage (code, probability) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE probability = VALUES(probability)";
static const char sql_free_discount[] =
    "SELECT quote_free_discount FROM sales_setting WHERE id = 1";
static const char sql_free_discount_save[] =
    "UPDATE sales_setting SET quote_free_discount = ? WHERE id = 1";

/* After the stages' fields, the form's one setting. */
static const struct field free_discount_field = {
	"quote_free_discount", FT_INT, FIELD_REQUIRED, 3, NULL, 0, 100
};

/*
 * One field per active stage, "p_<code>": the stages are the admin's
 * rows, so the form's fields come from them; then free_discount_field.
 * The number of stages, or -1.
 */
static int
stage_fields(struct ctx *c, struct field **out)
{
	HDF		*o, *rows = ctx_node(c, "Stages"), *row;
	struct field	*f;
	struct stage	 st;
	const char	*code;
	int		 n = 0, total;

	total = node_count(hdf_get_obj(c->hdf, "ChoiceList.opp_stage"));
	*out = f = arena_calloc(c->arena, (size_t)total + 1, sizeof(*f));
	for (o = hdf_get_child(c->hdf, "ChoiceList.opp_stage"); o != NULL &&
	    n < total; o = hdf_obj_next(o)) {
		code = hdf_get_value(o, "code", "");
		if (stage_get(c, code, &st) == -1)
			return -1;
		f[n].name = arena_printf(c->arena, "p_%s", code);
		f[n].type = FT_INT;
		f[n].flags = FIELD_REQUIRED;
		f[n].maxlen = 3;
		f[n].max = 100;
		row = node_item(rows, n++);
		node_set(row, "code", code);
		node_set(row, "label", hdf_get_value(o, "label", code));
		node_set(row, "outcome", st.outcome);
		if (st.probability >= 0)
			node_set_int(row, "probability", st.probability);
	}
	f[n] = free_discount_field;
	return n;
}

/* The page, with each stage's stored default and the setting filled. */
static int
stages_page(struct ctx *c, int fill)
{
	HDF		*row;
	long long	 pct;

	for (row = hdf_get_child(c->hdf, "Stages"); fill && row != NULL;
	    row = hdf_obj_next(row))
		form_fill(c, arena_printf(c->arena, "p_%s",
		    hdf_get_value(row, "code", "")),
		    hdf_get_value(row, "probability", NULL));
	if (fill) {
		if ((pct = db_int_query(c->db, c->arena, sql_free_discount, -1,
		    "")) < 0)
			return 500;
		form_fill(c, free_discount_field.name, arena_printf(c->arena,
		    "%lld", pct));
	}
	return http_page(c, "opportunities/stages.cs");
}

int
opp_stages(struct ctx *c)
{
	struct field	*fields;

	if (choice_load(c) == -1 || stage_fields(c, &fields) == -1)
		return 500;
	if (req_query(&c->req, "saved") != NULL)
		ctx_set(c, "Notice", ctx_msg(c, "opp.stages_saved"));
	return stages_page(c, 1);
}

/* In the save's transaction: the setting, audited when it changes. */
static int
free_discount_save(struct ctx *c, const char *value)
{
	long long	was, now = strtoll(value, NULL, 10);

	if ((was = db_int_query(c->db, c->arena, sql_free_discount, -1,
	    "")) < 0)
		return -1;
	if (now == was)
		return 0;
	if (audit_field(c, "sales_setting", 1, free_discount_field.name,
	    arena_printf(c->arena, "%lld", was), arena_printf(c->arena,
	    "%lld", now)) == -1 || db_exec(c->db, c->arena,
	    sql_free_discount_save, "i", now) != 1)
		return -1;
	return 0;
}

int
opp_stages_save(struct ctx *c)
{
	struct field	*fields;
	struct form	 f;
	struct stage	 st;
	const char	*code, *was, *now;
	int		 n, i;

	if (choice_load(c) == -1 || (n = stage_fields(c, &fields)) == -1)
		return 500;
	if (form_read(c, fields, (size_t)n + 1, &f) != 0) {
		if (f.nerrors == 0)
			return 500;
		c->status = 422;
		return stages_page(c, 0);
	}
	if (db_begin(c->db) == -1)
		return 500;
	for (i = 0; i < n; i++) {
		code = fields[i].name + 2;
		if (stage_get(c, code, &st) == -1)
			return 500;
		was = st.probability < 0 ? NULL : arena_printf(c->arena, "%d",
		    st.probability);
		now = form_value(&f, fields[i].name);
		if (was != NULL && strcmp(was, now) == 0)
			continue;
		if (audit_field(c, "opportunity_stage", 0, code, was, now) ==
		    -1 || db_exec(c->db, c->arena, sql_stage_save, "ss", code,
		    now) < 0)
			return 500;
	}
	if (free_discount_save(c, form_value(&f, free_discount_field.name)) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/opportunities/stages?saved=1");
}
