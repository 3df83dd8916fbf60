/*
 * http.h - building and sending the response.
 *
 * The body is rendered into a buffer first, so a failure half-way through a
 * template still becomes a clean error page. Every response carries the same
 * security headers (CSP without inline script, nosniff, no framing, no
 * caching of signed-in pages).
 */
#ifndef CRM_HTTP_H
#define CRM_HTTP_H

#include <fcgiapp.h>

struct ctx;

/* Add a header line; refuses values with CR or LF. */
void	 http_header(struct ctx *, const char *name, const char *value);
/* Set a cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS);
 * max_age < 0 makes a session cookie, 0 deletes it. */
void	 http_cookie(struct ctx *, const char *name, const char *value,
	    long max_age);
/* 303 See Other to a local path (anything else becomes "/"). */
int	 http_redirect(struct ctx *, const char *path);
/* Render a page template with the layout data into the body. */
int	 http_page(struct ctx *, const char *tmpl);
/* An error page for status; 500 logs a reference id shown to the user. */
void	 http_error(struct ctx *, int status, const char *detail);
/* Write status, headers and body to the FastCGI stream. */
void	 http_send(struct ctx *, FCGX_Stream *);
/* Reason phrase for a status code. */
const char *http_reason(int status);

#endif
