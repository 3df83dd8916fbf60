/*
 * http.c - response headers, pages, errors and redirects.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "http.h"
#include "log.h"
#include "session.h"
#include "tmpl.h"
#include "token.h"

static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'";

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

static int
header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

void
http_header(struct ctx *c, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_error(NULL, "refused header %s with CR/LF", name);
		return;
	}
	buf_printf(&c->headers, "%s: %s\r\n", name, value);
}

void
http_cookie(struct ctx *c, const char *name, const char *value, long max_age)
{
	struct buf	b;

	buf_init(&b, c->arena);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Strict", name,
	    value);
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	if (c->req.https)
		buf_puts(&b, "; Secure");
	http_header(c, "Set-Cookie", buf_str(&b));
}

int
http_redirect(struct ctx *c, const char *path)
{
	/* Only local paths: "//host" or "/\host" would leave the site. */
	if (path == NULL || path[0] != '/' || path[1] == '/' ||
	    path[1] == '\\' || !header_safe(path))
		path = "/";
	c->status = 303;
	http_header(c, "Location", path);
	return 0;
}

/* Every page has forms (at least the language switch): it gets the token
 * here, so responses without a page set no pre-session cookie. */
int
http_page(struct ctx *c, const char *tmpl)
{
	ctx_set(c, "CSRF", csrf_token(c));
	buf_truncate(&c->body, 0);
	if (tmpl_render(tmpl, c->hdf, c->lang, &c->body) == -1)
		return 500;
	return 0;
}

void
http_error(struct ctx *c, int status, const char *detail)
{
	const char	*ref = NULL;

	if (status >= 500) {
		ref = token_new(c->arena, 6);
		log_error(ref, "%s %s: %s", c->req.method_name ?
		    c->req.method_name : "-", c->req.path ? c->req.path : "-",
		    detail ? detail : http_reason(status));
		ctx_set(c, "Error.ref", ref);
	}
	c->status = status;
	ctx_set_int(c, "Error.status", status);
	ctx_set(c, "Error.title", ctx_msg(c, arena_printf(c->arena,
	    "error.%d", status)));
	if (http_page(c, "error.cs") != 0) {
		/* The error template itself failed: say so in plain text. */
		buf_truncate(&c->body, 0);
		c->content_type = "text/plain; charset=utf-8";
		buf_printf(&c->body, "%d %s%s%s\n", status,
		    http_reason(status), ref ? " ref=" : "", ref ? ref : "");
	}
}

/*
 * The header block is formatted with our own buffer: libfcgi's printf
 * knows no size_t conversions.
 */
void
http_send(struct ctx *c, FCGX_Stream *out)
{
	struct buf	h;

	if (c->sent)
		return;
	c->sent = 1;
	buf_init(&h, c->arena);
	buf_printf(&h, "Status: %d %s\r\n", c->status, http_reason(c->status));
	buf_printf(&h, "Content-Type: %s\r\n", c->content_type);
	buf_printf(&h, "Content-Security-Policy: %s\r\n", csp);
	buf_puts(&h, "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n");
	if (c->req.https)
		buf_puts(&h, "Strict-Transport-Security: max-age=31536000\r\n");
	if (c->status != 303)
		buf_printf(&h, "Content-Length: %zu\r\n", c->body.len);
	buf_puts(&h, buf_str(&c->headers));
	buf_puts(&h, "\r\n");
	FCGX_PutStr(h.data, (int)h.len, out);
	if (c->req.method != METHOD_HEAD && c->status != 303)
		FCGX_PutStr(buf_str(&c->body), (int)c->body.len, out);
}
