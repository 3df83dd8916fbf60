/*
 * stages.c - the default win probability of each stage, which an
 * opportunity takes on entering it. The stages themselves (names, order,
 * new ones) are the choice list opp_stage of the admin area; whether a
 * stage closes as won or lost is fixed by the migration that made it.
 */
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

/*
 * One field per active stage, "p_<code>": the stages are the admin's
 * rows, so the form's fields come from them. Their number, or -1.
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
	return n;
}

/* The page, with each stage's stored default in its field. */
static int
stages_page(struct ctx *c, int fill)
{
	HDF	*row;

	for (row = hdf_get_child(c->hdf, "Stages"); fill && row != NULL;
	    row = hdf_obj_next(row))
		form_fill(c, arena_printf(c->arena, "p_%s",
		    hdf_get_value(row, "code", "")),
		    hdf_get_value(row, "probability", NULL));
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
	if (form_read(c, fields, (size_t)n, &f) != 0) {
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
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/opportunities/stages?saved=1");
}
