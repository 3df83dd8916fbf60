/*
 * choice.c - loading choice lists into the page data.
 */
#include <string.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "str.h"

/* Index-only in list, sort, id order: sql/009_choice_covering_index.sql. */
static const char sql_choices[] =
    "SELECT list, code, label_en, label_zh, active FROM choice"
    " ORDER BY list, sort, id";

/*
 * An inactive option's label node carries this child: the label still
 * shows, choice_valid() refuses the code.
 */
#define CHOICE_INACTIVE	"inactive"

int
choice_load(struct ctx *c)
{
	struct dbq	 q;
	const char	*list, *code, *label, *prev = "";
	HDF		*labels, *lists, *byname = NULL, *options = NULL, *item;
	int		 n = 0;
	int		 zh = strcmp(c->lang, "zh-CN") == 0;

	if (hdf_get_obj(c->hdf, "Choices") != NULL)
		return 0;
	labels = ctx_node(c, "Choices");
	lists = ctx_node(c, "ChoiceList");
	if (db_prepare(&q, c->db, c->arena, sql_choices) == -1)
		return -1;
	while (db_step(&q) == DB_ROW) {
		list = db_text(&q, 0);
		code = db_text(&q, 1);
		label = db_text(&q, zh ? 3 : 2);
		if (strcmp(list, prev) != 0) {
			prev = list;
			byname = node_get(labels, list);
			options = node_get(lists, list);
			n = 0;
		}
		node_set(byname, code, label);
		if (db_int(&q, 4) == 0) {
			node_set(node_get(byname, code), CHOICE_INACTIVE, "1");
			continue;
		}
		item = node_item(options, n++);
		node_set(item, "code", code);
		node_set(item, "label", label);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

void
choice_option(struct ctx *c, const char *list, int n, const char *code,
    const char *label)
{
	HDF	*item;

	node_set(node_get(ctx_node(c, "Choices"), list), code, label);
	item = node_item(node_get(ctx_node(c, "ChoiceList"), list), n);
	node_set(item, "code", code);
	node_set(item, "label", label);
}

/* Codes are [a-z0-9_]: anything else cannot name an HDF node safely. */
int
choice_code_ok(const char *code)
{
	return str_is_code(code, 1, 32);
}

/* The label node of code in a list, or NULL. */
static HDF *
choice_node(struct ctx *c, const char *list, const char *code)
{
	HDF	*node;

	if (code == NULL || !choice_code_ok(code) ||
	    (node = hdf_get_obj(c->hdf, "Choices")) == NULL ||
	    (node = hdf_get_obj(node, list)) == NULL)
		return NULL;
	return hdf_get_obj(node, code);
}

int
choice_valid(struct ctx *c, const char *list, const char *code)
{
	HDF	*node = choice_node(c, list, code);

	return node != NULL && hdf_get_obj(node, CHOICE_INACTIVE) == NULL;
}

const char *
choice_label(struct ctx *c, const char *list, const char *code)
{
	HDF	*node = choice_node(c, list, code);
	char	*label;

	if (node == NULL || (label = hdf_obj_value(node)) == NULL)
		return code;
	return label;
}

void
choice_keep(struct ctx *c, const char *list, const char *code)
{
	HDF	*node = choice_node(c, list, code), *options;
	NEOERR	*err;

	if (node == NULL || hdf_get_obj(node, CHOICE_INACTIVE) == NULL)
		return;
	err = hdf_remove_tree(node, CHOICE_INACTIVE);
	nerr_ignore(&err);
	options = node_get(ctx_node(c, "ChoiceList"), list);
	choice_option(c, list, node_count(options), code,
	    hdf_obj_value(node));
}
