/*
 * choice.c - loading choice lists into the page data.
 */
#include <string.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"

static const char sql_choices[] =
    "SELECT list, code, label_en, label_zh, active FROM choice"
    " ORDER BY list, sort, id";

int
choice_load(struct ctx *c)
{
	struct dbq	 q;
	const char	*list, *code, *label, *prev = "";
	int		 n = 0;
	int		 zh = strcmp(c->lang, "zh-CN") == 0;

	if (hdf_get_obj(c->hdf, "Choices") != NULL)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_choices) == -1)
		return -1;
	while (db_step(&q) == DB_ROW) {
		list = db_str(&q, 0);
		code = db_str(&q, 1);
		label = db_str(&q, zh ? 3 : 2);
		if (strcmp(list, prev) != 0) {
			prev = list;
			n = 0;
		}
		ctx_set(c, arena_printf(c->arena, "Choices.%s.%s", list, code),
		    label);
		if (db_int(&q, 4) == 0)
			continue;
		ctx_set(c, arena_printf(c->arena, "ChoiceList.%s.%d.code",
		    list, n), code);
		ctx_set(c, arena_printf(c->arena, "ChoiceList.%s.%d.label",
		    list, n), label);
		n++;
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* Codes are [a-z0-9_]: anything else cannot name an HDF node safely. */
static int
code_wellformed(const char *code)
{
	size_t	n = strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_");

	return n > 0 && code[n] == '\0' && n <= 32;
}

int
choice_valid(struct ctx *c, const char *list, const char *code)
{
	if (code == NULL || !code_wellformed(code))
		return 0;
	return hdf_get_obj(c->hdf, arena_printf(c->arena, "Choices.%s.%s",
	    list, code)) != NULL;
}

const char *
choice_label(struct ctx *c, const char *list, const char *code)
{
	if (code == NULL || !code_wellformed(code))
		return code;
	return hdf_get_value(c->hdf, arena_printf(c->arena, "Choices.%s.%s",
	    list, code), code);
}
