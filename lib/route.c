/*
 * route.c - matching paths and running the checks before every handler.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "route.h"
#include "session.h"
#include "str.h"

/* A name's characters: those of choice codes, safe in HDF paths. */
static int
name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	    ch == '_';
}

int
route_match(const char *pat, const char *path, long long *ids, int *nids,
    char *name)
{
	long long	 v;
	size_t		 len;
	int		 n = 0;

	name[0] = '\0';
	while (*pat != '\0') {
		if (pat[0] == '%' && pat[1] == 's') {
			for (len = 0; name_char(path[len]); len++)
				if (len == CTX_NAME_MAX)
					return 0;
			if (len == 0)
				return 0;
			memcpy(name, path, len);
			name[len] = '\0';
			path += len;
			pat += 2;
		} else if (pat[0] == '%' && pat[1] == 'd') {
			if (!isdigit((unsigned char)*path) || *path == '0' ||
			    n == CTX_MAX_IDS)
				return 0;
			for (v = 0; isdigit((unsigned char)*path); path++) {
				if (v > (0x7fffffffffffffffLL - 9) / 10)
					return 0;
				v = v * 10 + (*path - '0');
			}
			ids[n++] = v;
			pat += 2;
		} else if (*pat++ != *path++)
			return 0;
	}
	if (*path != '\0')
		return 0;
	*nids = n;
	return 1;
}

static int
method_fits(enum req_method want, enum req_method got)
{
	return want == got || (want == METHOD_GET && got == METHOD_HEAD);
}

/*
 * Find the route; *status is 404 or 405 when none fits, and a 405 names
 * the methods the path does take.
 */
static const struct route *
route_find(const struct program *p, struct ctx *c, int *status)
{
	size_t		 i;
	int		 get = 0, post = 0;

	for (i = 0; i < p->nroutes; i++) {
		if (!route_match(p->routes[i].pattern, c->req.path, c->ids,
		    &c->nids, c->name))
			continue;
		if (method_fits(p->routes[i].method, c->req.method))
			return &p->routes[i];
		if (p->routes[i].method == METHOD_GET)
			get = 1;
		else
			post = 1;
	}
	*status = get || post ? 405 : 404;
	if (*status == 405)
		http_header(c, "Allow", get && post ? "GET, HEAD, POST" :
		    get ? "GET, HEAD" : "POST");
	return NULL;
}

/* This page with its query: where a detour (sign-in, language) returns. */
static const char *
route_back(struct ctx *c)
{
	if (c->req.method == METHOD_GET && c->req.query_string != NULL &&
	    c->req.query_string[0] != '\0')
		return arena_printf(c->arena, "%s?%s", c->req.path,
		    c->req.query_string);
	return c->req.path;
}

/* Checks that must pass before the handler; 0 or the status to answer. */
static int
route_guard(const struct route *r, struct ctx *c)
{
	/* A preview only looks: whatever the role may do, nothing changes. */
	if (c->preview_role != 0 && c->req.method == METHOD_POST &&
	    !(r->flags & ROUTE_PREVIEW_EXIT)) {
		(void)audit_log(c, "preview_refused", "role", c->preview_role,
		    NULL, NULL, c->req.path);
		return 403;
	}
	if (!(r->flags & ROUTE_PUBLIC)) {
		if (c->user == NULL) {
			if (c->req.method == METHOD_POST)
				return 403;
			http_redirect(c, arena_printf(c->arena,
			    "/login?next=%s", str_url_encode(c->arena,
			    route_back(c))));
			return -1;
		}
		if (c->user->must_change_pw && !(r->flags & ROUTE_PWCHANGE)) {
			http_redirect(c, "/password");
			return -1;
		}
		if (r->rtype != RT_NONE &&
		    perm_scope(c, r->rtype, r->action) == SCOPE_NONE) {
			audit_denied(c, r->rtype, r->action);
			return 403;
		}
	}
	if (c->req.method == METHOD_POST && !csrf_valid(c)) {
		log_warn("csrf rejected: %s %s from %s", c->req.method_name,
		    c->req.path, c->req.remote_addr ? c->req.remote_addr : "-");
		return 403;
	}
	if ((r->flags & ROUTE_REAUTH) && !c->reauthed) {
		/*
		 * A GET comes back to its page after the confirmation; a form
		 * posted after the window closed is not replayed.
		 */
		http_redirect(c, arena_printf(c->arena, "/confirm?next=%s",
		    str_url_encode(c->arena, c->req.method == METHOD_GET ?
		    route_back(c) : "/")));
		return -1;
	}
	return 0;
}

/* Data every page's layout uses. */
static void
route_layout(struct ctx *c)
{
	ctx_set(c, "Lang", c->lang);
	ctx_set(c, "Path", c->req.path);
	/* Where the language switch returns: this very page when it was a GET. */
	ctx_set(c, "Back", route_back(c));
	if (c->user != NULL) {
		ctx_set(c, "User.name", c->user->name);
		ctx_set(c, "User.login", c->user->login);
		ctx_set_int(c, "User.id", c->user->id);
		if (c->user->unread > 0)
			ctx_set_int(c, "User.unread", c->user->unread);
		if (perm_scope(c, RT_USER, ACT_VIEW) != SCOPE_NONE)
			ctx_set_int(c, "Nav.admin", 1);
		if (perm_scope(c, RT_OPPORTUNITY, ACT_VIEW) != SCOPE_NONE)
			ctx_set_int(c, "Nav.opportunities", 1);
		if (perm_scope(c, RT_CONTRACT, ACT_VIEW) != SCOPE_NONE)
			ctx_set_int(c, "Nav.contracts", 1);
		if (perm_scope(c, RT_REPORT, ACT_VIEW) != SCOPE_NONE)
			ctx_set_int(c, "Nav.reports", 1);
		if (c->preview_role != 0) {
			ctx_set_int(c, "Preview.id", c->preview_role);
			ctx_set(c, "Preview.role", c->preview_name);
		}
	}
}

void
route_dispatch(const struct program *p, struct ctx *c)
{
	const struct route	*r;
	int			 status = 0;

	if (db_ready(c->db) == -1) {
		http_error(c, 503, "database unavailable");
		return;
	}
	if (session_load(c) == -1) {
		http_error(c, 500, "session lookup failed");
		return;
	}
	c->lang = i18n_pick(c);
	route_layout(c);
	if ((r = route_find(p, c, &status)) == NULL) {
		http_error(c, status, NULL);
		return;
	}
	if ((status = route_guard(r, c)) == 0)
		status = r->handler(c);
	/* Whatever the handler left open is undone: nothing half-written. */
	db_rollback(c->db);
	if (status > 0)
		http_error(c, status, NULL);
}
