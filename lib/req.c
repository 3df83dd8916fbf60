/*
 * req.c - parse the FastCGI environment and body into a struct request.
 *
 * Everything is copied into the request arena, so the result outlives the
 * FastCGI buffers. Each list keeps the order the client sent, which lets a
 * lookup return the first of duplicate names.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "req.h"
#include "str.h"
#include "utf8.h"

#define FORM_URLENCODED		"application/x-www-form-urlencoded"
#define FORM_MULTIPART		"multipart/form-data"
#define BOUNDARY_MAX		70	/* RFC 2046, section 5.1.1 */

/* A list under construction: appending at the tail keeps the order. */
struct plist {
	struct param	*head;
	struct param	**tail;
	size_t		 n;
};

struct ulist {
	struct upload	*head;
	struct upload	**tail;
	size_t		 n;
};

/* The header fields of one multipart part that we act on. */
struct part {
	const char	*disp;		/* Content-Disposition value */
	const char	*disp_end;
	const char	*type;		/* Content-Type value */
	const char	*type_end;
};

static void
plist_init(struct plist *l)
{
	l->head = NULL;
	l->tail = &l->head;
	l->n = 0;
}

/* Append name=value, both NUL-terminated arena strings of the given length. */
static enum req_err
plist_add(struct plist *l, struct arena *a, const char *name, size_t nlen,
    const char *value, size_t vlen)
{
	struct param	*p;

	if (l->n == REQ_MAX_PARAMS)
		return REQ_ERR_TOO_LARGE;
	if (!utf8_valid(name, nlen) || !utf8_valid(value, vlen))
		return REQ_ERR_BAD_UTF8;
	p = arena_alloc(a, sizeof(*p));
	p->name = name;
	p->value = value;
	p->len = vlen;
	*l->tail = p;
	l->tail = &p->next;
	l->n++;
	return REQ_OK;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* The end of [p, end) without trailing spaces and tabs. */
static const char *
trim_ws(const char *p, const char *end)
{
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end;
}

/* The next sep in [p, end), or end. */
static const char *
field_end(const char *p, const char *end, int sep)
{
	const char	*q;

	if (p == end || (q = memchr(p, sep, (size_t)(end - p))) == NULL)
		return end;
	return q;
}

/* Case-insensitive comparison of [p, end) with the string s. */
static int
span_is(const char *p, const char *end, const char *s)
{
	size_t	 n = strlen(s);

	return (size_t)(end - p) == n && strncasecmp(p, s, n) == 0;
}

/* memmem(3) is in neither C11 nor POSIX 2008; the needles here are short. */
static const char *
mem_find(const char *p, const char *end, const char *needle, size_t n)
{
	const char	*last;

	if ((size_t)(end - p) < n)
		return NULL;
	last = end - n;
	for (; p <= last; p++) {
		if ((p = memchr(p, needle[0], (size_t)(last - p) + 1)) == NULL)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
	}
	return NULL;
}

/*
 * Decode [s, end) into a new arena string. A decoded NUL is kept in the
 * length so that the UTF-8 check rejects it.
 */
static enum req_err
url_decode(struct arena *a, const char *s, const char *end, const char **out,
    size_t *len)
{
	char	*d;
	int	 hi, lo;

	*out = d = arena_alloc(a, (size_t)(end - s) + 1);
	for (; s < end; s++) {
		if (*s == '+')
			*d++ = ' ';
		else if (*s != '%')
			*d++ = *s;
		else {
			if (end - s < 3 ||
			    (hi = str_hex_value((unsigned char)s[1])) < 0 ||
			    (lo = str_hex_value((unsigned char)s[2])) < 0)
				return REQ_ERR_MALFORMED;
			*d++ = (char)(hi << 4 | lo);
			s += 2;
		}
	}
	*len = (size_t)(d - *out);
	return REQ_OK;
}

/* One name[=value] field of a url-encoded string. */
static enum req_err
urlencoded_field(struct plist *l, struct arena *a, const char *p,
    const char *end)
{
	const char	*eq, *name, *value;
	size_t		 nlen, vlen;
	enum req_err	 e;

	eq = field_end(p, end, '=');
	if ((e = url_decode(a, p, eq, &name, &nlen)) != REQ_OK)
		return e;
	if (eq == end) {
		value = "";
		vlen = 0;
	} else if ((e = url_decode(a, eq + 1, end, &value, &vlen)) != REQ_OK)
		return e;
	return plist_add(l, a, name, nlen, value, vlen);
}

enum req_err
req_parse_urlencoded(struct arena *a, const char *s, size_t len,
    struct param **out)
{
	struct plist	 l;
	const char	*end = s + len, *amp;
	enum req_err	 e;

	*out = NULL;
	plist_init(&l);
	for (; s < end; s = amp + 1) {
		amp = field_end(s, end, '&');
		if (amp > s && (e = urlencoded_field(&l, a, s, amp)) != REQ_OK)
			return e;
		if (amp == end)
			break;
	}
	*out = l.head;
	return REQ_OK;
}

/* One name=value pair of a Cookie header; a pair without '=' is ignored. */
static enum req_err
cookie_field(struct plist *l, struct arena *a, const char *p,
    const char *end)
{
	const char	*eq, *v, *vend;

	p = skip_ws(p, end);
	end = trim_ws(p, end);
	if ((eq = field_end(p, end, '=')) == end)
		return REQ_OK;
	v = skip_ws(eq + 1, end);
	vend = end;
	if (vend - v >= 2 && *v == '"' && vend[-1] == '"') {
		v++;
		vend--;
	}
	eq = trim_ws(p, eq);
	return plist_add(l, a, arena_strndup(a, p, (size_t)(eq - p)),
	    (size_t)(eq - p), arena_strndup(a, v, (size_t)(vend - v)),
	    (size_t)(vend - v));
}

enum req_err
req_parse_cookies(struct arena *a, const char *s, struct param **out)
{
	struct plist	 l;
	const char	*end, *semi;
	enum req_err	 e;

	*out = NULL;
	if (strnlen(s, REQ_MAX_COOKIE + 1) > REQ_MAX_COOKIE)
		return REQ_ERR_TOO_LARGE;
	plist_init(&l);
	for (end = s + strlen(s); s < end; s = semi + 1) {
		semi = field_end(s, end, ';');
		if ((e = cookie_field(&l, a, s, semi)) != REQ_OK)
			return e;
		if (semi == end)
			break;
	}
	*out = l.head;
	return REQ_OK;
}

/*
 * The value of the header parameter at p, just after its '='. Quoted
 * values end at the next quote with no backslash escapes: browsers
 * percent-encode quotes in names (WHATWG form-data encoding), and a
 * backslash must survive in Windows file names. *next is set past the
 * value. Returns 0, or -1 for an unterminated quote.
 */
static int
hdr_value(const char *p, const char *end, const char **v, const char **vend,
    const char **next)
{
	p = skip_ws(p, end);
	if (p < end && *p == '"') {
		*v = p + 1;
		if ((*vend = memchr(*v, '"', (size_t)(end - *v))) == NULL)
			return -1;
		*next = *vend + 1;
		return 0;
	}
	*v = p;
	*next = field_end(p, end, ';');
	*vend = trim_ws(p, *next);
	return 0;
}

/*
 * Find parameter name of the header value [s, end), as in the boundary of
 * "multipart/form-data; boundary=x". Returns 1 and the value, 0 if the
 * parameter is absent, -1 if the value is malformed.
 */
static int
hdr_param(const char *s, const char *end, const char *name, const char **v,
    const char **vend)
{
	const char	*p, *k, *kend;

	for (p = field_end(s, end, ';'); p < end; p = field_end(p, end, ';')) {
		k = skip_ws(p + 1, end);
		for (p = k; p < end && *p != '=' && *p != ';'; p++)
			continue;
		if (p == end || *p == ';')
			continue;
		kend = trim_ws(k, p);
		if (hdr_value(p + 1, end, v, vend, &p) == -1)
			return -1;
		if (span_is(k, kend, name))
			return 1;
	}
	return 0;
}

/* Whether the header value [s, end) has the type t, ignoring parameters. */
static int
hdr_type_is(const char *s, const char *end, const char *t)
{
	const char	*e;

	s = skip_ws(s, end);
	e = trim_ws(s, field_end(s, end, ';'));
	return span_is(s, e, t);
}

/* Read the header lines of a part at p; *body is set past the empty line. */
static enum req_err
part_headers(struct part *pt, const char *p, const char *end,
    const char **body)
{
	const char	*eol, *colon, *v;

	memset(pt, 0, sizeof(*pt));
	while ((eol = mem_find(p, end, "\r\n", 2)) != NULL) {
		if (eol == p) {
			*body = eol + 2;
			return REQ_OK;
		}
		if ((colon = memchr(p, ':', (size_t)(eol - p))) == NULL)
			return REQ_ERR_MALFORMED;
		v = skip_ws(colon + 1, eol);
		if (span_is(p, trim_ws(p, colon), "Content-Disposition")) {
			pt->disp = v;
			pt->disp_end = trim_ws(v, eol);
		} else if (span_is(p, trim_ws(p, colon), "Content-Type")) {
			pt->type = v;
			pt->type_end = trim_ws(v, eol);
		}
		p = eol + 2;
	}
	return REQ_ERR_MALFORMED;
}

/* The name was checked by the caller; the data is binary and unchecked. */
static enum req_err
part_upload(struct ulist *l, struct arena *a, const struct part *pt,
    const char *name, const char *fn, const char *fnend,
    const char *data, size_t len)
{
	struct upload	*u;

	if (l->n == REQ_MAX_PARAMS)
		return REQ_ERR_TOO_LARGE;
	if (!utf8_valid(fn, (size_t)(fnend - fn)) || (pt->type != NULL &&
	    !utf8_valid(pt->type, (size_t)(pt->type_end - pt->type))))
		return REQ_ERR_BAD_UTF8;
	u = arena_alloc(a, sizeof(*u));
	u->field = name;
	u->filename = arena_strndup(a, fn, (size_t)(fnend - fn));
	/* RFC 7578, section 4.4: a part without a type is text/plain. */
	if (pt->type == NULL)
		u->type = "text/plain";
	else
		u->type = arena_strndup(a, pt->type,
		    (size_t)(pt->type_end - pt->type));
	u->data = arena_strndup(a, data, len);
	u->len = len;
	*l->tail = u;
	l->tail = &u->next;
	l->n++;
	return REQ_OK;
}

/* Turn one part into a form parameter or an upload. */
static enum req_err
part_add(struct plist *params, struct ulist *uploads, struct arena *a,
    const struct part *pt, const char *data, size_t len)
{
	const char	*n, *nend, *fn, *fnend, *name;
	size_t		 nlen;
	int		 rc;

	if (pt->disp == NULL || !hdr_type_is(pt->disp, pt->disp_end,
	    "form-data"))
		return REQ_ERR_MALFORMED;
	if (hdr_param(pt->disp, pt->disp_end, "name", &n, &nend) != 1)
		return REQ_ERR_MALFORMED;
	rc = hdr_param(pt->disp, pt->disp_end, "filename", &fn, &fnend);
	if (rc == -1)
		return REQ_ERR_MALFORMED;
	nlen = (size_t)(nend - n);
	name = arena_strndup(a, n, nlen);
	if (rc == 0)
		return plist_add(params, a, name, nlen,
		    arena_strndup(a, data, len), len);
	if (!utf8_valid(name, nlen))
		return REQ_ERR_BAD_UTF8;
	return part_upload(uploads, a, pt, name, fn, fnend, data, len);
}

/*
 * Where the first part begins: past the first delimiter, which may follow
 * a preamble. NULL if there is none.
 */
static const char *
mp_first(const char *body, const char *end, const char *delim, size_t dlen)
{
	const char	*p;

	/* The first delimiter needs no CRLF before it. */
	if ((size_t)(end - body) >= dlen - 2 &&
	    memcmp(body, delim + 2, dlen - 2) == 0)
		return body + dlen - 2;
	if ((p = mem_find(body, end, delim, dlen)) == NULL)
		return NULL;
	return p + dlen;
}

/*
 * Just past a delimiter: 1 for the close delimiter "--", 0 for the end of
 * a delimiter line (transport padding and CRLF, *p moved past them), -1
 * for anything else.
 */
static int
mp_after_delim(const char **p, const char *end)
{
	const char	*q = *p;

	if (end - q >= 2 && q[0] == '-' && q[1] == '-')
		return 1;
	q = skip_ws(q, end);
	if (end - q < 2 || q[0] != '\r' || q[1] != '\n')
		return -1;
	*p = q + 2;
	return 0;
}

static enum req_err
mp_parts(struct plist *params, struct ulist *uploads, struct arena *a,
    const char *delim, const char *body, size_t len)
{
	struct part	 pt;
	const char	*end = body + len, *p, *data, *next;
	size_t		 dlen = strlen(delim);
	enum req_err	 e;
	int		 rc;

	if ((p = mp_first(body, end, delim, dlen)) == NULL)
		return REQ_ERR_MALFORMED;
	while ((rc = mp_after_delim(&p, end)) == 0) {
		if ((e = part_headers(&pt, p, end, &data)) != REQ_OK)
			return e;
		if ((next = mem_find(data, end, delim, dlen)) == NULL)
			return REQ_ERR_MALFORMED;
		e = part_add(params, uploads, a, &pt, data,
		    (size_t)(next - data));
		if (e != REQ_OK)
			return e;
		p = next + dlen;
	}
	/* The epilogue after the close delimiter is ignored. */
	return rc == 1 ? REQ_OK : REQ_ERR_MALFORMED;
}

enum req_err
req_parse_multipart(struct arena *a, const char *boundary, const char *body,
    size_t len, struct param **params, struct upload **uploads)
{
	struct plist	 pl;
	struct ulist	 ul;
	size_t		 blen;
	enum req_err	 e;

	*params = NULL;
	*uploads = NULL;
	if (boundary == NULL)
		return REQ_ERR_MALFORMED;
	blen = strlen(boundary);
	if (blen == 0 || blen > BOUNDARY_MAX)
		return REQ_ERR_MALFORMED;
	plist_init(&pl);
	ul.head = NULL;
	ul.tail = &ul.head;
	ul.n = 0;
	e = mp_parts(&pl, &ul, a, arena_printf(a, "\r\n--%s", boundary),
	    body, len);
	if (e != REQ_OK)
		return e;
	*params = pl.head;
	*uploads = ul.head;
	return REQ_OK;
}

const char *
env_get(char **envp, const char *name)
{
	size_t	 n = strlen(name);

	if (envp == NULL)
		return NULL;
	for (; *envp != NULL; envp++)
		if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

/* An environment value, or "" so callers need not test for NULL. */
static const char *
env_str(char **envp, const char *name)
{
	const char	*v;

	return (v = env_get(envp, name)) != NULL ? v : "";
}

static enum req_method
req_method(const char *m)
{
	/* Methods are case-sensitive (RFC 9110, section 9.1). */
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

/* The path as nginx gives it, or rebuilt from what other servers give. */
static const char *
req_path(struct arena *a, char **envp)
{
	const char	*s, *pi, *q;

	if ((s = env_get(envp, "DOCUMENT_URI")) != NULL && *s != '\0')
		return arena_strdup(a, s);
	s = env_get(envp, "SCRIPT_NAME");
	pi = env_get(envp, "PATH_INFO");
	if ((s != NULL && *s != '\0') || (pi != NULL && *pi != '\0'))
		return arena_printf(a, "%s%s", s ? s : "", pi ? pi : "");
	s = env_str(envp, "REQUEST_URI");
	q = field_end(s, s + strlen(s), '?');
	return arena_strndup(a, s, (size_t)(q - s));
}

/* The environment values we keep, copied out of the FastCGI buffers. */
static void
req_env(struct request *r, struct arena *a, char **envp)
{
	const char	*v;

	r->method_name = arena_strdup(a, env_str(envp, "REQUEST_METHOD"));
	r->method = req_method(r->method_name);
	r->path = req_path(a, envp);
	r->query_string = arena_strdup(a, env_str(envp, "QUERY_STRING"));
	r->content_type = arena_strdup(a, env_str(envp, "CONTENT_TYPE"));
	r->remote_addr = arena_strdup(a, env_str(envp, "REMOTE_ADDR"));
	r->host = arena_strdup(a, env_str(envp, "HTTP_HOST"));
	if ((v = env_get(envp, "HTTP_ORIGIN")) != NULL)
		r->origin = arena_strdup(a, v);
	if ((v = env_get(envp, "HTTP_REFERER")) != NULL)
		r->referer = arena_strdup(a, v);
	r->user_agent = arena_strdup(a, env_str(envp, "HTTP_USER_AGENT"));
	r->accept_language = arena_strdup(a,
	    env_str(envp, "HTTP_ACCEPT_LANGUAGE"));
	r->https = strcasecmp(env_str(envp, "HTTPS"), "on") == 0;
}

/* CONTENT_LENGTH, refused before any digit could overflow. */
static enum req_err
req_content_length(const char *s, size_t max, size_t *len)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return REQ_ERR_MALFORMED;
		n = n * 10 + (size_t)(*s - '0');
		if (n > max)
			return REQ_ERR_TOO_LARGE;
	}
	*len = n;
	return REQ_OK;
}

/* Read exactly len bytes: a body shorter than announced is an I/O error. */
static enum req_err
req_read_body(struct arena *a, req_reader rd, void *ctx, size_t len,
    char **out)
{
	char	*p;
	size_t	 got = 0;
	long	 n;

	*out = p = arena_alloc(a, len + 1);
	while (got < len) {
		if (rd == NULL)
			return REQ_ERR_IO;
		n = rd(ctx, p + got, len - got);
		if (n <= 0 || (size_t)n > len - got)
			return REQ_ERR_IO;
		got += (size_t)n;
	}
	return REQ_OK;
}

/* Read and parse a body whose type we understand; ignore any other. */
static enum req_err
req_body(struct request *r, char **envp, req_reader rd, void *ctx)
{
	const char	*ct = r->content_type, *ctend, *b, *bend;
	char		*body;
	size_t		 len, max;
	int		 multipart;
	enum req_err	 e;

	ctend = ct + strlen(ct);
	if (hdr_type_is(ct, ctend, FORM_URLENCODED)) {
		multipart = 0;
		max = REQ_MAX_FORM_BODY;
	} else if (hdr_type_is(ct, ctend, FORM_MULTIPART)) {
		multipart = 1;
		max = REQ_MAX_BODY;
		if (hdr_param(ct, ctend, "boundary", &b, &bend) != 1)
			return REQ_ERR_MALFORMED;
	} else
		return REQ_OK;
	e = req_content_length(env_str(envp, "CONTENT_LENGTH"), max, &len);
	if (e != REQ_OK)
		return e;
	if ((e = req_read_body(r->arena, rd, ctx, len, &body)) != REQ_OK)
		return e;
	if (!multipart)
		return req_parse_urlencoded(r->arena, body, len, &r->form);
	return req_parse_multipart(r->arena,
	    arena_strndup(r->arena, b, (size_t)(bend - b)), body, len,
	    &r->form, &r->uploads);
}

enum req_err
req_parse(struct request *r, struct arena *a, char **envp, req_reader rd,
    void *ctx)
{
	enum req_err	 e;

	memset(r, 0, sizeof(*r));
	r->arena = a;
	req_env(r, a, envp);
	if (!utf8_valid(r->path, strlen(r->path)))
		return REQ_ERR_BAD_UTF8;
	if (r->path[0] != '/')
		return REQ_ERR_MALFORMED;
	e = req_parse_urlencoded(a, r->query_string, strlen(r->query_string),
	    &r->query);
	if (e != REQ_OK)
		return e;
	e = req_parse_cookies(a, env_str(envp, "HTTP_COOKIE"), &r->cookies);
	if (e != REQ_OK)
		return e;
	if (r->method != METHOD_POST)
		return REQ_OK;
	return req_body(r, envp, rd, ctx);
}

const char *
param_get(const struct param *p, const char *name)
{
	for (; p != NULL; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p->value;
	return NULL;
}

const char *
req_query(const struct request *r, const char *name)
{
	return param_get(r->query, name);
}

const char *
req_form(const struct request *r, const char *name)
{
	return param_get(r->form, name);
}

const char *
req_cookie(const struct request *r, const char *name)
{
	return param_get(r->cookies, name);
}
