/*
 * http.c - a small HTTP/1.1 client for the integration tests.
 */
#include <sys/socket.h>
#include <sys/time.h>

#include <check.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "http.h"
#include "keep.h"

#define IO_TIMEOUT	120	/* seconds a request may stall */
#define HOST_MAX	256

const char HTTP_NO_ORIGIN[] = "";

static struct {
	int	 parsed;
	char	 base[HOST_MAX + 8];	/* http://host:port */
	char	 hostport[HOST_MAX];	/* the Host header */
	char	 host[HOST_MAX];
	char	 port[8];
} server;

/* Split CRM_TEST_BASE once; 0 ok, -1 if it is not http://host:port. */
static int
server_parse(void)
{
	const char	*base = getenv("CRM_TEST_BASE"), *hp, *colon;
	size_t		 n;

	if (server.parsed)
		return 0;
	if (base == NULL || strncmp(base, "http://", 7) != 0)
		return -1;
	hp = base + 7;
	n = strcspn(hp, "/");
	if (n == 0 || n >= sizeof(server.hostport) ||
	    (colon = memchr(hp, ':', n)) == NULL ||
	    (size_t)(hp + n - colon - 1) >= sizeof(server.port) ||
	    colon == hp)
		return -1;
	snprintf(server.hostport, sizeof(server.hostport), "%.*s", (int)n, hp);
	snprintf(server.host, sizeof(server.host), "%.*s", (int)(colon - hp),
	    hp);
	snprintf(server.port, sizeof(server.port), "%.*s",
	    (int)(hp + n - colon - 1), colon + 1);
	snprintf(server.base, sizeof(server.base), "http://%s",
	    server.hostport);
	server.parsed = 1;
	return 0;
}

const char *
http_base(void)
{
	return server_parse() == 0 ? server.base : NULL;
}

/* --- the cookie jar -------------------------------------------------- */

struct browser *
browser_new(void)
{
	struct arena	*a = tarena_new();
	struct browser	*b = arena_alloc(a, sizeof(*b));

	b->arena = a;
	return b;
}

void
browser_free(struct browser *b)
{
	if (b != NULL)
		tarena_free(b->arena);
}

/* The index of cookie name in the jar, or -1. */
static int
jar_index(const struct browser *b, const char *name)
{
	size_t	i;

	for (i = 0; i < b->ncookies; i++)
		if (strcmp(b->cookies[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
browser_cookie(const struct browser *b, const char *name)
{
	int	i = jar_index(b, name);

	return i < 0 ? NULL : b->cookies[i].value;
}

/* Set a cookie; NULL or "" removes it, as Max-Age=0 does. */
void
browser_set_cookie(struct browser *b, const char *name, const char *value)
{
	int		 i = jar_index(b, name);
	struct cookie	*c = i < 0 ? NULL : &b->cookies[i];

	if (value == NULL || *value == '\0') {
		if (c != NULL)
			*c = b->cookies[--b->ncookies];
		return;
	}
	if (c == NULL) {
		ck_assert_uint_lt(b->ncookies, BROWSER_MAX_COOKIES);
		c = &b->cookies[b->ncookies++];
		c->name = arena_strdup(b->arena, name);
	}
	c->value = arena_strdup(b->arena, value);
}

/* Store what one Set-Cookie header says. */
static void
jar_take(struct browser *b, const char *sc)
{
	const char	*eq, *semi;
	char		*name, *value;

	if ((eq = strchr(sc, '=')) == NULL)
		return;
	semi = eq + strcspn(eq, ";");
	name = arena_strndup(b->arena, sc, (size_t)(eq - sc));
	value = arena_strndup(b->arena, eq + 1, (size_t)(semi - eq - 1));
	if (strcasestr(semi, "Max-Age=0") != NULL)
		value[0] = '\0';
	browser_set_cookie(b, name, value);
}

/* --- form bodies ----------------------------------------------------- */

static void
url_encode(struct buf *b, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	unsigned char		ch;

	for (; *s != '\0'; s++) {
		ch = (unsigned char)*s;
		if (isalnum(ch) || strchr("-._~", ch) != NULL)
			buf_putc(b, ch);
		else if (ch == ' ')
			buf_putc(b, '+');
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[ch >> 4]);
			buf_putc(b, hex[ch & 15]);
		}
	}
}

char *
http_escape(struct arena *a, const char *s)
{
	struct buf	b;

	buf_init(&b, a);
	buf_puts(&b, "");
	url_encode(&b, s);
	return b.data;
}

void
post_init_bare(struct post *p, struct browser *b)
{
	buf_init(&p->b, b->arena);
}

void
post_init(struct post *p, struct browser *b)
{
	post_init_bare(p, b);
	if (b->csrf != NULL)
		post_add(p, "csrf", b->csrf);
}

void
post_add(struct post *p, const char *name, const char *value)
{
	if (p->b.len)
		buf_putc(&p->b, '&');
	url_encode(&p->b, name);
	buf_putc(&p->b, '=');
	url_encode(&p->b, value);
}

void
post_add_int(struct post *p, const char *name, long long v)
{
	char	num[32];

	snprintf(num, sizeof(num), "%lld", v);
	post_add(p, name, num);
}

void
post_add_raw(struct post *p, const char *encoded)
{
	if (p->b.len)
		buf_putc(&p->b, '&');
	buf_puts(&p->b, encoded);
}

/* --- the wire -------------------------------------------------------- */

static int
server_connect(void)
{
	struct addrinfo	 hints, *res, *ai;
	struct timeval	 tv = { IO_TIMEOUT, 0 };
	int		 fd = -1, rc;

	ck_assert_msg(server_parse() == 0,
	    "CRM_TEST_BASE must be http://host:port");
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(server.host, server.port, &hints, &res);
	ck_assert_msg(rc == 0, "%s: %s", server.host, gai_strerror(rc));
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype,
		    ai->ai_protocol)) == -1)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	ck_assert_msg(fd != -1, "cannot connect to %s", server.base);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return fd;
}

static void
send_all(int fd, const char *p, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		w = send(fd, p, n, MSG_NOSIGNAL);
		if (w == -1 && errno == EINTR)
			continue;
		/* The server may answer (413) and close before it read all. */
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void
recv_all(int fd, struct buf *in)
{
	char	chunk[16384];
	ssize_t	r;

	for (;;) {
		r = recv(fd, chunk, sizeof(chunk), 0);
		if (r == -1 && errno == EINTR)
			continue;
		ck_assert_msg(r >= 0, "reading the response: %s",
		    strerror(errno));
		if (r == 0)
			return;
		buf_append(in, chunk, (size_t)r);
	}
}

static void
put_cookies(struct buf *out, const struct browser *b)
{
	size_t	i;

	if (b->ncookies == 0)
		return;
	buf_puts(out, "Cookie: ");
	for (i = 0; i < b->ncookies; i++)
		buf_printf(out, "%s%s=%s", i ? "; " : "", b->cookies[i].name,
		    b->cookies[i].value);
	buf_puts(out, "\r\n");
}

static void
put_request(struct buf *out, const struct browser *b, const struct req *r)
{
	const char	*origin = r->origin;

	buf_printf(out, "%s %s HTTP/1.1\r\nHost: %s\r\n"
	    "User-Agent: crm-integration-tests\r\nAccept: text/html\r\n"
	    "Connection: close\r\n", r->method, r->path, server.hostport);
	put_cookies(out, b);
	if (origin == NULL && strcmp(r->method, "POST") == 0)
		origin = server.base;
	if (origin != NULL && origin != HTTP_NO_ORIGIN)
		buf_printf(out, "Origin: %s\r\n", origin);
	if (r->referer != NULL)
		buf_printf(out, "Referer: %s\r\n", r->referer);
	if (r->ctype != NULL)
		buf_printf(out, "Content-Type: %s\r\nContent-Length: %zu\r\n",
		    r->ctype, r->len);
	buf_puts(out, "\r\n");
	if (r->ctype != NULL)
		buf_append(out, r->body, r->len);
}

/* --- parsing the response -------------------------------------------- */

/* Decode a chunked body at p; the decoded bytes go to out. */
static void
dechunk(struct buf *out, const char *p, const char *end)
{
	char		*next;
	unsigned long	 n;

	while (p < end) {
		n = strtoul(p, &next, 16);
		ck_assert_msg(next != p, "bad chunk size");
		if ((p = strstr(next, "\r\n")) == NULL)
			break;
		p += 2;
		if (n == 0)
			return;
		ck_assert_msg((size_t)(end - p) >= n, "truncated chunk");
		buf_append(out, p, n);
		p += n + 2;
	}
}

static void
parse_body(struct resp *r, struct arena *a, const char *p, const char *end)
{
	struct buf	 body;
	const char	*te = resp_header(r, "Transfer-Encoding");
	const char	*cl = resp_header(r, "Content-Length");
	size_t		 n = (size_t)(end - p);

	buf_init(&body, a);
	buf_puts(&body, "");
	if (te != NULL && strcasestr(te, "chunked") != NULL)
		dechunk(&body, p, end);
	else {
		if (cl != NULL && strtoul(cl, NULL, 10) < n)
			n = strtoul(cl, NULL, 10);
		buf_append(&body, p, n);
	}
	r->body = body.data;
	r->len = body.len;
}

static void
parse_headers(struct resp *r, struct arena *a, const char *p,
    const char *end)
{
	const char	*eol, *colon, *v;

	for (; p < end; p = eol + 2) {
		if ((eol = strstr(p, "\r\n")) == NULL || eol > end)
			eol = end;
		if ((colon = memchr(p, ':', (size_t)(eol - p))) == NULL)
			continue;
		ck_assert_uint_lt(r->nheaders, RESP_MAX_HEADERS);
		for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
			continue;
		r->headers[r->nheaders].name = arena_strndup(a, p,
		    (size_t)(colon - p));
		r->headers[r->nheaders].value = arena_strndup(a, v,
		    (size_t)(eol - v));
		r->nheaders++;
	}
}

static struct resp *
parse_response(struct arena *a, const struct buf *in)
{
	struct resp	*r = arena_alloc(a, sizeof(*r));
	const char	*s = buf_str(in), *hend;

	ck_assert_msg(in->len > 12 && strncmp(s, "HTTP/1.", 7) == 0,
	    "not an HTTP response: %.80s", s);
	r->status = atoi(s + 9);
	ck_assert_msg((hend = strstr(s, "\r\n\r\n")) != NULL,
	    "response without the end of its header");
	parse_headers(r, a, strstr(s, "\r\n") + 2, hend);
	parse_body(r, a, hend + 4, s + in->len);
	return r;
}

/* What the browser keeps of a response: cookies and the page's token. */
static void
browser_take(struct browser *b, const struct resp *r)
{
	const char	*tok;
	size_t		 i;

	for (i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, "Set-Cookie") == 0)
			jar_take(b, r->headers[i].value);
	if ((tok = csrf_from(b->arena, r->body)) != NULL)
		b->csrf = tok;
}

struct resp *
http_request(struct browser *b, const struct req *r)
{
	struct buf	 out, in;
	struct resp	*resp;
	int		 fd;

	fd = server_connect();
	buf_init(&out, b->arena);
	buf_init(&in, b->arena);
	put_request(&out, b, r);
	send_all(fd, out.data, out.len);
	recv_all(fd, &in);
	close(fd);
	resp = parse_response(b->arena, &in);
	browser_take(b, resp);
	return resp;
}

/* GET (p NULL) or POST p to the printf-formatted path. */
static struct resp *
http_send_to(struct browser *b, const struct post *p, const char *fmt,
    va_list ap)
{
	struct req	 r;
	struct buf	 path;

	buf_init(&path, b->arena);
	buf_vprintf(&path, fmt, ap);
	memset(&r, 0, sizeof(r));
	r.method = p ? "POST" : "GET";
	r.path = buf_str(&path);
	if (p != NULL) {
		r.ctype = "application/x-www-form-urlencoded";
		r.body = buf_str(&p->b);
		r.len = p->b.len;
	}
	return http_request(b, &r);
}

struct resp *
http_get(struct browser *b, const char *fmt, ...)
{
	struct resp	*r;
	va_list		 ap;

	va_start(ap, fmt);
	r = http_send_to(b, NULL, fmt, ap);
	va_end(ap);
	return r;
}

struct resp *
http_post(struct browser *b, const struct post *p, const char *fmt, ...)
{
	struct resp	*r;
	va_list		 ap;

	va_start(ap, fmt);
	r = http_send_to(b, p, fmt, ap);
	va_end(ap);
	return r;
}

struct resp *
http_post_empty(struct browser *b, const char *fmt, ...)
{
	struct post	 p;
	struct resp	*r;
	va_list		 ap;

	post_init(&p, b);
	va_start(ap, fmt);
	r = http_send_to(b, &p, fmt, ap);
	va_end(ap);
	return r;
}

const char *
resp_header(const struct resp *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

const char *
resp_set_cookie(const struct resp *r, const char *name)
{
	size_t	i, n = strlen(name);

	for (i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, "Set-Cookie") == 0 &&
		    strncmp(r->headers[i].value, name, n) == 0 &&
		    r->headers[i].value[n] == '=')
			return r->headers[i].value;
	return NULL;
}

int
resp_has(const struct resp *r, const char *needle)
{
	return strstr(r->body, needle) != NULL;
}

const char *
csrf_from(struct arena *a, const char *html)
{
	static const char	 mark[] = "name=\"csrf\" value=\"";
	const char		*p, *end;

	if (html == NULL || (p = strstr(html, mark)) == NULL)
		return NULL;
	p += sizeof(mark) - 1;
	if ((end = strchr(p, '"')) == NULL || end == p)
		return NULL;
	return arena_strndup(a, p, (size_t)(end - p));
}

struct resp *
sign_in(struct browser *b, const char *login, const char *pw)
{
	return sign_in_next(b, login, pw, "");
}

struct resp *
sign_in_next(struct browser *b, const char *login, const char *pw,
    const char *next)
{
	struct post	 p;
	struct resp	*r;
	const char	*loc;

	r = http_get(b, "/login");
	ck_assert_msg(r->status == 200 || r->status == 303,
	    "GET /login: %d", r->status);
	post_init(&p, b);
	post_add(&p, "login", login);
	post_add(&p, "password", pw);
	post_add(&p, "next", next);
	r = http_post(b, &p, "/login");
	loc = resp_header(r, "Location");
	if (r->status == 303 && loc != NULL && loc[0] == '/')
		http_get(b, "%s", loc);
	return r;
}
