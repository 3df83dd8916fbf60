/*
 * session.h - sign-in sessions and CSRF tokens.
 *
 * The browser holds a random 256-bit token; the database holds only its
 * SHA-256, so a leaked table does not sign anybody in. Sessions expire after
 * 30 minutes idle and 12 hours in all. Each session has its own CSRF token;
 * before sign-in a random cookie plays that part (double submit).
 */
#ifndef CRM_SESSION_H
#define CRM_SESSION_H

struct ctx;

#define SESSION_IDLE_SECONDS	(30 * 60)
#define SESSION_MAX_SECONDS	(12 * 60 * 60)
/* How long a confirmed password opens the admin screens (ROUTE_REAUTH). */
#define SESSION_REAUTH_SECONDS	(15 * 60)

/* Resolve the session cookie into c->user; 0, or -1 on a database error. */
int		 session_load(struct ctx *);
/* Start a fresh session for user (a new id: no fixation). */
int		 session_start(struct ctx *, long long user_id);
/* Delete the current session and its cookie. */
void		 session_end(struct ctx *);
/* Delete every other session of the signed-in user (password change). */
int		 session_end_others(struct ctx *);
/* Delete every session of a user (disabled, password reset). */
int		 session_end_user(struct ctx *, long long user_id);
/* The user has just confirmed the password: open the admin screens. */
int		 session_reauth(struct ctx *);
/*
 * Start a preview of role_id's grants in this session (0: end it); takes
 * effect from the next request.
 */
int		 session_preview(struct ctx *, long long role_id);
/* The token forms must carry; sets the pre-session cookie if needed. */
const char	*csrf_token(struct ctx *);
/* 1 if a POST carries the right token and comes from our own origin. */
int		 csrf_valid(struct ctx *);

#endif
