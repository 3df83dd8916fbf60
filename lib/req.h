/*
 * req.h - the parsed HTTP request.
 *
 * A request owns everything parsed from the FastCGI environment and body; all
 * of it lives in the request arena. Parsing never trusts its input: sizes are
 * bounded, every name and value must be valid UTF-8, and a failure is a
 * value (enum req_err) that the dispatcher turns into 400 or 413.
 */
#ifndef CRM_REQ_H
#define CRM_REQ_H

#include <stddef.h>

struct arena;

/* Limits; the web server enforces the same body limit in front of us. */
#define REQ_MAX_BODY		(8 * 1024 * 1024)	/* multipart uploads */
#define REQ_MAX_FORM_BODY	(1024 * 1024)		/* url-encoded forms */
#define REQ_MAX_PARAMS		1000
#define REQ_MAX_COOKIE		8192

enum req_err {
	REQ_OK = 0,
	REQ_ERR_TOO_LARGE,	/* body or header over a limit: 413 */
	REQ_ERR_BAD_UTF8,	/* a name or value is not valid UTF-8: 400 */
	REQ_ERR_MALFORMED,	/* broken encoding or multipart framing: 400 */
	REQ_ERR_IO		/* the body could not be read */
};

/* One name=value pair; values are NUL-terminated and may contain no NUL. */
struct param {
	const char	*name;
	const char	*value;
	size_t		 len;
	struct param	*next;
};

/* One file part of a multipart body; data is binary. */
struct upload {
	const char	*field;		/* form field name */
	const char	*filename;	/* as sent by the browser, UTF-8 */
	const char	*type;		/* Content-Type of the part */
	const char	*data;
	size_t		 len;
	struct upload	*next;
};

enum req_method {
	METHOD_OTHER = 0,
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST
};

struct request {
	struct arena	*arena;
	enum req_method	 method;
	const char	*method_name;	/* REQUEST_METHOD as received */
	const char	*path;		/* DOCUMENT_URI / path without query */
	const char	*query_string;
	const char	*content_type;
	const char	*remote_addr;
	const char	*host;		/* HTTP_HOST */
	const char	*origin;	/* HTTP_ORIGIN, NULL if absent */
	const char	*referer;	/* HTTP_REFERER, NULL if absent */
	const char	*user_agent;
	const char	*accept_language;
	int		 https;		/* HTTPS=on from the web server */
	struct param	*query;		/* query string parameters, in order */
	struct param	*form;		/* body parameters (url-encoded or multipart) */
	struct param	*cookies;
	struct upload	*uploads;
};

/* Reads up to n bytes of body into p; returns bytes read, 0 at end, -1 on error. */
typedef long (*req_reader)(void *ctx, char *p, size_t n);

/*
 * Fill r from a CGI-style environment (NULL-terminated "NAME=value" strings)
 * and the body reader. On error r->method and r->path are still set so the
 * caller can log and answer.
 */
enum req_err	 req_parse(struct request *r, struct arena *a, char **envp,
		    req_reader read, void *ctx);

/* Building blocks, exposed for the unit tests and the fuzzers. */
enum req_err	 req_parse_urlencoded(struct arena *, const char *, size_t,
		    struct param **);
enum req_err	 req_parse_cookies(struct arena *, const char *,
		    struct param **);
enum req_err	 req_parse_multipart(struct arena *, const char *boundary,
		    const char *body, size_t len, struct param **,
		    struct upload **);

/* Lookups: the first value for name, or NULL. */
const char	*req_query(const struct request *, const char *name);
const char	*req_form(const struct request *, const char *name);
const char	*req_cookie(const struct request *, const char *name);
const char	*param_get(const struct param *, const char *name);
/* Look up an environment variable in a CGI environment. */
const char	*env_get(char **envp, const char *name);

#endif
