/*
 * route.h - the route table each program declares, and the dispatcher.
 *
 * A route names its method, path pattern, handler and the permission it
 * needs. The dispatcher does everything a handler must never forget before
 * the handler runs: sign-in, forced password change, permission, CSRF and
 * Origin on every POST. While the session previews a role (read-only), it
 * refuses every POST but those flagged ROUTE_PREVIEW_EXIT. A handler returns 0 when it produced a response, or
 * an HTTP status (403, 404, 500) for the dispatcher to render.
 *
 * Patterns are literal segments, "%d" for a positive decimal id, which
 * lands in ctx->ids in order: "/customers/%d/contacts/%d", and at most one
 * "%s" for a name of 1 to CTX_NAME_MAX lowercase letters, digits or
 * underscores, which lands in ctx->name: "/admin/choices/%s".
 */
#ifndef CRM_ROUTE_H
#define CRM_ROUTE_H

#include "perm.h"
#include "req.h"

struct ctx;

enum route_flag {
	ROUTE_PUBLIC	= 1 << 0,	/* no sign-in needed (sign-in page) */
	ROUTE_PWCHANGE	= 1 << 1,	/* allowed while a password change is due */
	ROUTE_REAUTH	= 1 << 2,	/* needs the password confirmed lately */
	ROUTE_PREVIEW_EXIT = 1 << 3,	/* a POST that ends a "preview as" */
};

struct route {
	enum req_method	 method;	/* GET also answers HEAD */
	const char	*pattern;
	int		(*handler)(struct ctx *);
	enum rtype	 rtype;		/* RT_NONE: any signed-in user */
	enum action	 action;
	unsigned	 flags;
};

struct program {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
};

/*
 * Match a path against a pattern, filling ids and name (CTX_NAME_MAX + 1
 * bytes); 1 on a match.
 */
int	 route_match(const char *pattern, const char *path, long long *ids,
	    int *nids, char *name);
/* Run the request in c through the program's table. */
void	 route_dispatch(const struct program *, struct ctx *);

#endif
