/*
 * ctx.h - everything one request has: input, user, output.
 *
 * A context lives for exactly one request. It owns the request arena (and so
 * everything parsed or built for the request) and the ClearSilver data tree
 * (HDF, which ClearSilver allocates itself; ctx_end destroys it). Nothing in
 * it survives into the next request; the worker keeps only the database
 * connection and the parsed templates.
 */
#ifndef CRM_CTX_H
#define CRM_CTX_H

#include <ClearSilver.h>

#include "buf.h"
#include "perm.h"
#include "req.h"

struct db;
struct fieldsec;

#define CTX_MAX_IDS	4
#define CTX_NAME_MAX	32

struct user {
	long long	 id;
	const char	*login;
	const char	*name;
	long long	 team_id;	/* 0: no team */
	const char	*lang;		/* "en" or "zh-CN" */
	int		 must_change_pw;
	long long	 unread;	/* notifications (cgi-bin/inbox.c) */
};

struct ctx {
	struct arena	*arena;
	struct request	 req;
	struct db	*db;
	HDF		*hdf;		/* template data for this response */
	const char	*lang;		/* language of this response */

	/* Set by the session layer when a valid session cookie came in. */
	int		 session_checked;	/* session_load() ran */
	struct user	*user;
	long long	 session_id;
	const char	*csrf;		/* this session's CSRF token */
	int		 reauthed;	/* password confirmed lately */
	struct perms	 perms;
	/*
	 * "Preview as": the grants are this role's, not the user's, and the
	 * dispatcher refuses changes. 0: no preview.
	 */
	long long	 preview_role;
	const char	*preview_name;	/* in the user's language */
	/* Field rules, read on first use (fieldsec.c). */
	struct fieldsec	*fieldsec;

	/* Numeric path segments captured by the route pattern. */
	long long	 ids[CTX_MAX_IDS];
	int		 nids;
	/* The pattern's name segment ("%s"), "" when it has none. */
	char		 name[CTX_NAME_MAX + 1];

	/* Response. */
	int		 status;
	struct buf	 headers;	/* extra header lines, CRLF-terminated */
	struct buf	 body;
	const char	*content_type;
	int		 sent;
};

/* Start the response headers the dispatcher always adds. */
void		 ctx_init(struct ctx *, struct arena *, struct db *);
void		 ctx_end(struct ctx *);

/* Template data: set name to a string, integer or printf-formatted text. */
void		 ctx_set(struct ctx *, const char *name, const char *value);
void		 ctx_set_int(struct ctx *, const char *name, long long);
void		 ctx_setf(struct ctx *, const char *name, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/*
 * Pages that set many values (list rows, choice lists) find a node once and
 * set its fields relative to it, rather than by a path from the root each
 * time. ctx_node, node_get and node_item create a missing node.
 */
HDF		*ctx_node(struct ctx *, const char *name);
HDF		*node_get(HDF *parent, const char *name);
HDF		*node_item(HDF *parent, int n);		/* parent.<n> */
/* How many children a node has: the next node_item() index of a list. */
int		 node_count(HDF *);
void		 node_set(HDF *, const char *name, const char *value);
void		 node_set_int(HDF *, const char *name, long long);

/* Translated message for key in the response language. */
const char	*ctx_msg(struct ctx *, const char *key);

#endif
