/*
 * board.c - the pipeline board: a column per open stage with its count
 * and total amount and its first cards by expected close date. A card
 * moves by a small form of its own (no script needed), which posts to
 * the stage change of stage.c.
 *
 * The counts and totals of all columns are one statement on the totals
 * the database keeps per stage, team and owner (sql/017: a few rows per
 * stage, whatever the number of opportunities); the first cards of each
 * column are one statement on the stage's index for the user's scope
 * (sql/012_opportunities.sql), in index order. Stages are rows the admin
 * adds, so a column cannot be a branch of one literal statement.
 *
 * A move to a closed stage needs a close reason: the card's form offers
 * one, and a move without it comes back here with the message beside the
 * card (opp_board_invalid).
 */
#include <string.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "money.h"
#include "owner.h"
#include "stagerule.h"
#include "str.h"
#include "opportunities.h"

#define CARDS_MAX	20
#define CARDS_LIMIT	"21"	/* one more: are there more than shown? */

#define BOARD_SCOPE(t)							\
    " (? = 3 OR (? = 2 AND " t ".team_id = ?) OR (? = 1 AND " t ".owner_id = ?))" \
    " AND (? IS NULL OR " t ".owner_id = ?)"

/* Every stage's count and total, closed ones too: the key's order. */
static const char sql_totals[] =
    "SELECT t.stage, SUM(t.n), SUM(t.amount) FROM opportunity_board_total t"
    " WHERE" BOARD_SCOPE("t")
    " GROUP BY t.stage";
static const char sql_column_cards[] =
    "SELECT o.id, o.code, o.name, c.name, u.name, o.amount,"
    " o.expected_close, o.probability,"
    " DATEDIFF(CURDATE(), o.stage_entered_at), o.owner_id,"
    " COALESCE(o.team_id, 0), " STALE_SQL("o")
    " FROM opportunity o"
    " STRAIGHT_JOIN customer c ON c.id = o.customer_id"
    " STRAIGHT_JOIN app_user u ON u.id = o.owner_id" STALE_JOIN("o")
    " WHERE o.stage = ? AND o.deleted_at IS NULL AND" BOARD_SCOPE("o")
    " ORDER BY o.expected_close, o.id LIMIT " CARDS_LIMIT;

struct board {
	enum scope	 scope;
	long long	 owner;		/* filter; 0: everyone in scope */
	long long	 total;		/* cents, all columns */
	long long	 count;
};

/* The scope and owner filter of BOARD_SCOPE, from parameter i on. */
static void
bind_scope(struct ctx *c, struct dbq *q, const struct board *b, unsigned i)
{
	db_bind_int(q, i++, b->scope);
	db_bind_int(q, i++, b->scope);
	db_bind_int(q, i++, c->user->team_id);
	db_bind_int(q, i++, b->scope);
	db_bind_int(q, i++, c->user->id);
	if (b->owner > 0) {
		db_bind_int(q, i++, b->owner);
		db_bind_int(q, i++, b->owner);
	} else {
		db_bind_null(q, i++);
		db_bind_null(q, i++);
	}
}

/* The column of stage, or NULL: closed stages have none. */
static HDF *
column_of(HDF *cols, const char *stage)
{
	HDF	*col;

	for (col = hdf_obj_child(cols); col != NULL; col = hdf_obj_next(col))
		if (strcmp(hdf_get_value(col, "code", ""), stage) == 0)
			return col;
	return NULL;
}

/* Each column's count and total, from one statement for all. */
static int
columns_total(struct ctx *c, struct board *b, HDF *cols)
{
	struct dbq	 q;
	HDF		*col;
	long long	 count, cents;

	if (db_prepare(&q, c->db, c->arena, sql_totals) == -1)
		return -1;
	bind_scope(c, &q, b, 0);
	while (db_step(&q) == DB_ROW) {
		if ((col = column_of(cols, db_str(&q, 0))) == NULL)
			continue;
		count = db_int(&q, 1);
		cents = money_cents(db_str(&q, 2));
		node_set_int(col, "count", count);
		node_set(col, "total", money_format(c->arena, cents));
		b->count += count;
		b->total += cents;
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static int
column_cards(struct ctx *c, const struct board *b, const char *stage, HDF *col)
{
	struct dbq	 q;
	HDF		*cards = node_get(col, "cards"), *card;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_column_cards) == -1)
		return -1;
	db_bind_text(&q, 0, stage);
	bind_scope(c, &q, b, 1);
	while (db_step(&q) == DB_ROW) {
		if (n == CARDS_MAX) {
			node_set_int(col, "more", 1);
			break;
		}
		card = node_item(cards, n++);
		node_set(card, "id", db_text(&q, 0));
		node_set(card, "code", db_text(&q, 1));
		node_set(card, "name", db_text(&q, 2));
		node_set(card, "customer", db_text(&q, 3));
		node_set(card, "owner", db_text(&q, 4));
		node_set(card, "amount", money_format(c->arena,
		    money_cents(db_str(&q, 5))));
		node_set(card, "expected_close", db_text(&q, 6));
		node_set(card, "probability", db_text(&q, 7));
		node_set(card, "days", db_text(&q, 8));
		node_set_int(card, "stale", db_int(&q, 11));
		node_set_int(card, "can_move", perm_allows(c, RT_OPPORTUNITY,
		    ACT_EDIT, db_int(&q, 9), db_int(&q, 10)));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
opp_board(struct ctx *c)
{
	struct board	 b = { list_scope(c, ACT_VIEW), 0, 0, 0 };
	HDF		*cols = ctx_node(c, "Columns"), *col, *o;
	const char	*stage;
	int		 n = 0;

	if (choice_load(c) == -1 || owner_choices(c, RT_OPPORTUNITY) == -1 ||
	    open_stages(c) == -1)
		return 500;
	if ((b.owner = str_to_id(req_query(&c->req, "owner"))) > 0)
		ctx_set_int(c, "List.owner", b.owner);
	for (o = hdf_get_child(c->hdf, "ChoiceList.opp_open_stage");
	    o != NULL; o = hdf_obj_next(o)) {
		stage = hdf_get_value(o, "code", "");
		col = node_item(cols, n++);
		node_set(col, "code", stage);
		node_set(col, "label", hdf_get_value(o, "label", stage));
		node_set_int(col, "count", 0);
		node_set(col, "total", money_format(c->arena, 0));
	}
	if (columns_total(c, &b, cols) == -1)
		return 500;
	for (col = hdf_obj_child(cols); col != NULL; col = hdf_obj_next(col))
		if (column_cards(c, &b, hdf_get_value(col, "code", ""),
		    col) == -1)
			return 500;
	ctx_set_int(c, "Board.count", b.count);
	ctx_set(c, "Board.total", money_format(c->arena, b.total));
	if (perm_scope(c, RT_OPPORTUNITY, ACT_CREATE) != SCOPE_NONE)
		ctx_set_int(c, "Can.create", 1);
	if (perm_scope(c, RT_CONTRACT, ACT_VIEW) != SCOPE_NONE)
		ctx_set_int(c, "Can.contracts", 1);
	if (perm_scope(c, RT_USER, ACT_EDIT) != SCOPE_NONE)
		ctx_set_int(c, "Can.stages", 1);
	return http_page(c, "opportunities/board.cs");
}

int
opp_board_invalid(struct ctx *c, const struct opportunity *o)
{
	c->status = 422;
	ctx_set_int(c, "Board.refused", o->id);
	return opp_board(c);
}
