/*
 * http.h - a small HTTP/1.1 client for the integration tests.
 *
 * A struct browser is one user agent: its cookie jar, the CSRF token of the
 * last page it was shown, and an arena that owns every response it got
 * until browser_free(). Each request opens a TCP connection to the host of
 * CRM_TEST_BASE, sends "Connection: close" and reads to the end. Redirects
 * are never followed: tests assert the 303 and its Location themselves.
 * A POST carries our own Origin unless the request says otherwise.
 */
#ifndef IT_HTTP_H
#define IT_HTTP_H

#include <stddef.h>

#include "buf.h"

struct arena;

#define BROWSER_MAX_COOKIES	16
#define RESP_MAX_HEADERS	64

struct cookie {
	const char	*name;
	const char	*value;
};

struct browser {
	struct arena	*arena;
	struct cookie	 cookies[BROWSER_MAX_COOKIES];
	size_t		 ncookies;
	const char	*csrf;		/* token of the last page with one */
};

struct header {
	const char	*name;
	const char	*value;
};

struct resp {
	int		 status;
	struct header	 headers[RESP_MAX_HEADERS];
	size_t		 nheaders;
	const char	*body;		/* de-chunked, NUL-terminated */
	size_t		 len;
};

/* Pass as req.origin to send no Origin header at all. */
extern const char HTTP_NO_ORIGIN[];

/* Anything beyond the plain helpers below. */
struct req {
	const char	*method;
	const char	*path;		/* with its query string */
	const char	*ctype;		/* body type; NULL: no body */
	const char	*body;
	size_t		 len;
	const char	*origin;	/* NULL: own origin on POST */
	const char	*referer;	/* NULL: none */
};

/* An application/x-www-form-urlencoded body under construction. */
struct post {
	struct buf	 b;
};

/* "http://127.0.0.1:PORT" from CRM_TEST_BASE; NULL if unset or bad. */
const char	*http_base(void);

struct browser	*browser_new(void);
void		 browser_free(struct browser *);
const char	*browser_cookie(const struct browser *, const char *name);
void		 browser_set_cookie(struct browser *, const char *name,
		    const char *value);

/* s percent-encoded for a query string or form body. */
char		*http_escape(struct arena *, const char *s);

/* A body that starts with the browser's CSRF token, as a page's form. */
void		 post_init(struct post *, struct browser *);
/* A body without the token (CSRF tests). */
void		 post_init_bare(struct post *, struct browser *);
/* Append name=value, both percent-encoded. */
void		 post_add(struct post *, const char *name, const char *value);
void		 post_add_int(struct post *, const char *name, long long);
/* Append text that is already encoded (invalid UTF-8 tests). */
void		 post_add_raw(struct post *, const char *encoded);

/* Send a request; never NULL (a transport failure fails the test). */
struct resp	*http_request(struct browser *, const struct req *);
struct resp	*http_get(struct browser *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
struct resp	*http_post(struct browser *, const struct post *,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* POST a form with nothing but its CSRF token: a button of its own. */
struct resp	*http_post_empty(struct browser *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* The first header of that name (any case), or NULL. */
const char	*resp_header(const struct resp *, const char *name);
/* The whole Set-Cookie value that sets cookie name, or NULL. */
const char	*resp_set_cookie(const struct resp *, const char *name);
int		 resp_has(const struct resp *, const char *needle);

/* The value of the first hidden csrf input of an HTML page, or NULL. */
const char	*csrf_from(struct arena *, const char *html);
/*
 * GET /login, then POST the form with login and pw. On a 303 to a local
 * page that page is fetched too, so the browser holds its CSRF token.
 * Returns the POST's response.
 */
struct resp	*sign_in(struct browser *, const char *login, const char *pw);
/* The same with the form's hidden "next" field set. */
struct resp	*sign_in_next(struct browser *, const char *login,
		    const char *pw, const char *next);

#endif
