/*
 * test_req.c - request parsing: environment, query, cookies and bodies.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "req.h"
#include "suite.h"

/* A body in memory, handed out at most chunk bytes per read. */
struct mem {
	const char	*data;
	size_t		 len;
	size_t		 off;
	size_t		 chunk;
	int		 calls;
	int		 fail;
};

static long
mem_read(void *ctx, char *p, size_t n)
{
	struct mem	*m = ctx;

	m->calls++;
	if (m->fail)
		return -1;
	if (m->chunk != 0 && n > m->chunk)
		n = m->chunk;
	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(p, m->data + m->off, n);
	m->off += n;
	return (long)n;
}

static size_t
list_len(const struct param *p)
{
	size_t	 n = 0;

	for (; p != NULL; p = p->next)
		n++;
	return n;
}

static enum req_err
urlencoded(struct arena *a, const char *s, struct param **out)
{
	return req_parse_urlencoded(a, s, strlen(s), out);
}

/* "a=1&a=1&..." with n pairs, short enough to fit in a cookie header. */
static const char *
many_pairs(struct arena *a, int n, const char *sep)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, a);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%sa=1", i ? sep : "");
	return buf_str(&b);
}

START_TEST(urlencoded_decodes)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a,
	    "a=1&b=x+y&c=%41%4a%4A&d=%2B%25%26%3D&e+f=g", &p), REQ_OK);
	ck_assert_str_eq(param_get(p, "a"), "1");
	ck_assert_str_eq(param_get(p, "b"), "x y");
	ck_assert_str_eq(param_get(p, "c"), "AJJ");
	ck_assert_str_eq(param_get(p, "d"), "+%&=");
	ck_assert_str_eq(param_get(p, "e f"), "g");
	ck_assert_uint_eq(p->len, 1);
	ck_assert_uint_eq(p->next->next->next->len, 4);
	ck_assert_ptr_null(param_get(p, "zz"));
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_chinese_round_trips)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a,
	    "q=%E5%AE%A2%E6%88%B7%e7%ae%a1%e7%90%86&%E5%90%8D=张三", &p),
	    REQ_OK);
	ck_assert_str_eq(param_get(p, "q"), "客户管理");
	ck_assert_uint_eq(p->len, strlen("客户管理"));
	ck_assert_str_eq(param_get(p, "名"), "张三");
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_empty_pairs_and_bare_names)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a, "", &p), REQ_OK);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(urlencoded(a, "&&&", &p), REQ_OK);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(urlencoded(a, "&a=1&&b=2&&flag&e=&", &p), REQ_OK);
	ck_assert_uint_eq(list_len(p), 4);
	ck_assert_str_eq(p->name, "a");
	ck_assert_str_eq(p->next->name, "b");
	ck_assert_str_eq(param_get(p, "flag"), "");
	ck_assert_uint_eq(p->next->next->len, 0);
	ck_assert_str_eq(param_get(p, "e"), "");
	/* Only the first '=' separates; the rest belongs to the value. */
	ck_assert_int_eq(urlencoded(a, "x=a=b", &p), REQ_OK);
	ck_assert_str_eq(param_get(p, "x"), "a=b");
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_order_and_duplicates)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a, "x=1&y=2&x=3&z=4", &p), REQ_OK);
	ck_assert_uint_eq(list_len(p), 4);
	ck_assert_str_eq(p->name, "x");
	ck_assert_str_eq(p->value, "1");
	ck_assert_str_eq(p->next->name, "y");
	ck_assert_str_eq(p->next->next->name, "x");
	ck_assert_str_eq(p->next->next->value, "3");
	ck_assert_str_eq(p->next->next->next->name, "z");
	ck_assert_str_eq(param_get(p, "x"), "1");
	/* Names are case-sensitive. */
	ck_assert_int_eq(urlencoded(a, "A=1&a=2", &p), REQ_OK);
	ck_assert_str_eq(param_get(p, "a"), "2");
	ck_assert_ptr_null(param_get(p, "X"));
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_malformed_percent)
{
	static const char *bad[] = {
		"a=%zz", "a=%", "a=%4", "a=%4g", "a=%g4", "%=1", "a=1&b%2=x",
		"a=100%",
	};
	struct arena	*a = arena_new();
	struct param	*p;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(urlencoded(a, bad[i], &p), REQ_ERR_MALFORMED);
		ck_assert_ptr_null(p);
	}
	/* The length ends the input, even inside an escape. */
	ck_assert_int_eq(req_parse_urlencoded(a, "a=%41", 4, &p),
	    REQ_ERR_MALFORMED);
	ck_assert_int_eq(req_parse_urlencoded(a, "a=%41", 5, &p), REQ_OK);
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_rejects_nul)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a, "a=%00", &p), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(urlencoded(a, "a=x%00y", &p), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(urlencoded(a, "a%00b=1", &p), REQ_ERR_BAD_UTF8);
	ck_assert_ptr_null(p);
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_rejects_bad_utf8)
{
	static const char *bad[] = {
		"a=%C3%28", "a=%C0%AF", "a=%ED%A0%80", "a=%F4%90%80%80",
		"a=%E4%B8", "%C3%28=1", "a=\xc3\x28", "a=\xc0\xaf",
		"\xed\xa0\x80=1", "a=\xf4\x90\x80\x80",
	};
	struct arena	*a = arena_new();
	struct param	*p;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(urlencoded(a, bad[i], &p) == REQ_ERR_BAD_UTF8,
		    "accepted case %zu", i);
	arena_free(a);
}
END_TEST

START_TEST(urlencoded_too_many_params)
{
	struct arena	*a = arena_new();
	struct param	*p;

	ck_assert_int_eq(urlencoded(a, many_pairs(a, REQ_MAX_PARAMS, "&"),
	    &p), REQ_OK);
	ck_assert_uint_eq(list_len(p), REQ_MAX_PARAMS);
	ck_assert_int_eq(urlencoded(a, many_pairs(a, REQ_MAX_PARAMS + 1,
	    "&"), &p), REQ_ERR_TOO_LARGE);
	ck_assert_ptr_null(p);
	arena_free(a);
}
END_TEST

START_TEST(cookies_split_trim_and_unquote)
{
	struct arena	*a = arena_new();
	struct param	*c;

	ck_assert_int_eq(req_parse_cookies(a,
	    "sid=abc123;  theme = dark ;q=\"quoted v\";;empty=; flag; "
	    "b64=YQ==; enc=a%20b+c; sid=second; 名=中文", &c), REQ_OK);
	ck_assert_uint_eq(list_len(c), 8);
	ck_assert_str_eq(c->name, "sid");
	ck_assert_str_eq(param_get(c, "sid"), "abc123");
	ck_assert_str_eq(param_get(c, "theme"), "dark");
	ck_assert_str_eq(param_get(c, "q"), "quoted v");
	ck_assert_str_eq(param_get(c, "empty"), "");
	ck_assert_ptr_null(param_get(c, "flag"));
	ck_assert_str_eq(param_get(c, "b64"), "YQ==");
	ck_assert_str_eq(param_get(c, "enc"), "a%20b+c");
	ck_assert_str_eq(param_get(c, "名"), "中文");
	ck_assert_int_eq(req_parse_cookies(a, "", &c), REQ_OK);
	ck_assert_ptr_null(c);
	/* A lone quote is not a quoted value. */
	ck_assert_int_eq(req_parse_cookies(a, "x=\"", &c), REQ_OK);
	ck_assert_str_eq(param_get(c, "x"), "\"");
	arena_free(a);
}
END_TEST

START_TEST(cookies_limits)
{
	struct arena	*a = arena_new();
	struct param	*c;
	char		*s;

	s = arena_alloc(a, REQ_MAX_COOKIE + 2);
	memset(s, 'v', REQ_MAX_COOKIE + 1);
	s[0] = 'k';
	s[1] = '=';
	ck_assert_int_eq(req_parse_cookies(a, s, &c), REQ_ERR_TOO_LARGE);
	ck_assert_ptr_null(c);
	s[REQ_MAX_COOKIE] = '\0';
	ck_assert_int_eq(req_parse_cookies(a, s, &c), REQ_OK);
	ck_assert_uint_eq(c->len, REQ_MAX_COOKIE - 2);
	ck_assert_int_eq(req_parse_cookies(a,
	    many_pairs(a, REQ_MAX_PARAMS, ";"), &c), REQ_OK);
	ck_assert_int_eq(req_parse_cookies(a,
	    many_pairs(a, REQ_MAX_PARAMS + 1, ";"), &c), REQ_ERR_TOO_LARGE);
	arena_free(a);
}
END_TEST

START_TEST(cookies_reject_bad_utf8)
{
	static const char *bad[] = {
		"a=\xc3\x28", "a=\xc0\xaf", "a=\xed\xa0\x80",
		"a=\xf4\x90\x80\x80", "ok=1; \xc3\x28=1", "a=\"\xff\"",
	};
	struct arena	*a = arena_new();
	struct param	*c;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(req_parse_cookies(a, bad[i], &c) ==
		    REQ_ERR_BAD_UTF8, "accepted case %zu", i);
	arena_free(a);
}
END_TEST

/* Two text fields and a file whose data holds NUL, CRLF and a near-boundary. */
static const char mp_body[] =
	"preamble, ignored\r\n"
	"--XyZ\r\n"
	"Content-Disposition: form-data; name=\"title\"\r\n"
	"\r\n"
	"客户 A\r\n"
	"--XyZ  \r\n"
	"content-disposition: FORM-DATA; name=\"note;x\"\r\n"
	"Content-Type: text/plain; charset=UTF-8\r\n"
	"\r\n"
	"line1\r\nline2\r\n"
	"--XyZ\r\n"
	"Content-Disposition: form-data; name=\"file\"; "
	    "filename=\"报告 C:\\a;b.bin\"\r\n"
	"CONTENT-TYPE: application/octet-stream\r\n"
	"\r\n"
	"\0\x01\r\n--Xy\r\n\xff\0"
	"\r\n--XyZ--\r\n"
	"epilogue, ignored";

static const char mp_file[] = "\0\x01\r\n--Xy\r\n\xff\0";

static void
check_mp_body(const struct param *p, const struct upload *u)
{
	ck_assert_uint_eq(list_len(p), 2);
	ck_assert_str_eq(p->name, "title");
	ck_assert_str_eq(p->value, "客户 A");
	ck_assert_str_eq(p->next->name, "note;x");
	ck_assert_str_eq(p->next->value, "line1\r\nline2");
	ck_assert_uint_eq(p->next->len, 12);
	ck_assert_ptr_nonnull(u);
	ck_assert_ptr_null(u->next);
	ck_assert_str_eq(u->field, "file");
	ck_assert_str_eq(u->filename, "报告 C:\\a;b.bin");
	ck_assert_str_eq(u->type, "application/octet-stream");
	ck_assert_uint_eq(u->len, sizeof(mp_file) - 1);
	ck_assert(memcmp(u->data, mp_file, u->len) == 0);
}

START_TEST(multipart_fields_and_binary_file)
{
	struct arena	*a = arena_new();
	struct param	*p;
	struct upload	*u;

	ck_assert_int_eq(req_parse_multipart(a, "XyZ", mp_body,
	    sizeof(mp_body) - 1, &p, &u), REQ_OK);
	check_mp_body(p, u);
	arena_free(a);
}
END_TEST

START_TEST(multipart_minimal_forms)
{
	static const char empty[] = "--b--";
	static const char notype[] =
	    "--b\r\n"
	    "Content-Disposition: form-data; name=f ; filename=\"\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; flag; name=\"t\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--b--";
	struct arena	*a = arena_new();
	struct param	*p;
	struct upload	*u;

	ck_assert_int_eq(req_parse_multipart(a, "b", empty,
	    sizeof(empty) - 1, &p, &u), REQ_OK);
	ck_assert_ptr_null(p);
	ck_assert_ptr_null(u);
	/* No file chosen: an empty filename, an empty part, the default type. */
	ck_assert_int_eq(req_parse_multipart(a, "b", notype,
	    sizeof(notype) - 1, &p, &u), REQ_OK);
	ck_assert_str_eq(u->field, "f");
	ck_assert_str_eq(u->filename, "");
	ck_assert_str_eq(u->type, "text/plain");
	ck_assert_uint_eq(u->len, 0);
	ck_assert_str_eq(param_get(p, "t"), "");
	arena_free(a);
}
END_TEST

START_TEST(multipart_malformed)
{
	static const char *bad[] = {
		"",
		"no delimiter at all",
		/* missing final boundary */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx",
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "x\r\n--b\r\n",
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "x\r\n--b",
		/* bare LF framing */
		"--b\nContent-Disposition: form-data; name=\"a\"\n\nx\n--b--",
		/* headers never end */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n",
		/* header line without a colon */
		"--b\r\nbogus\r\n\r\nx\r\n--b--",
		/* no Content-Disposition, or not form-data, or no name */
		"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
		"--b\r\n\r\nx\r\n--b--",
		"--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
		    "x\r\n--b--",
		"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
		"--b\r\nContent-Disposition: form-data; filename=\"f\"\r\n"
		    "\r\nx\r\n--b--",
		/* unterminated quotes */
		"--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\n"
		    "x\r\n--b--",
		"--b\r\nContent-Disposition: form-data; name=a; "
		    "filename=\"f\r\n\r\nx\r\n--b--",
		/* the delimiter is followed by something else */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "x\r\n--bb\r\n--b--",
		"--bx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "x\r\n--b--",
	};
	struct arena	*a = arena_new();
	struct param	*p;
	struct upload	*u;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(req_parse_multipart(a, "b", bad[i],
		    strlen(bad[i]), &p, &u) == REQ_ERR_MALFORMED,
		    "accepted case %zu", i);
		ck_assert_ptr_null(p);
		ck_assert_ptr_null(u);
	}
	ck_assert_int_eq(req_parse_multipart(a, "", "----", 4, &p, &u),
	    REQ_ERR_MALFORMED);
	ck_assert_int_eq(req_parse_multipart(a, NULL, "--b--", 5, &p, &u),
	    REQ_ERR_MALFORMED);
	arena_free(a);
}
END_TEST

/* RFC 2046 allows boundaries of 1 to 70 characters. */
START_TEST(multipart_boundary_length)
{
	struct arena	*a = arena_new();
	struct param	*p;
	struct upload	*u;
	char		 bd[72];
	const char	*body;

	memset(bd, 'q', sizeof(bd) - 1);
	bd[70] = '\0';
	body = arena_printf(a, "--%s\r\nContent-Disposition: form-data; "
	    "name=\"k\"\r\n\r\nv\r\n--%s--", bd, bd);
	ck_assert_int_eq(req_parse_multipart(a, bd, body, strlen(body), &p,
	    &u), REQ_OK);
	ck_assert_str_eq(param_get(p, "k"), "v");
	bd[70] = 'q';
	bd[71] = '\0';
	body = arena_printf(a, "--%s\r\nContent-Disposition: form-data; "
	    "name=\"k\"\r\n\r\nv\r\n--%s--", bd, bd);
	ck_assert_int_eq(req_parse_multipart(a, bd, body, strlen(body), &p,
	    &u), REQ_ERR_MALFORMED);
	arena_free(a);
}
END_TEST

START_TEST(multipart_rejects_bad_utf8)
{
	static const char *bad[] = {
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "\xc3\x28\r\n--b--",
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "\xed\xa0\x80\r\n--b--",
		"--b\r\nContent-Disposition: form-data; name=\"\xc0\xaf\"\r\n"
		    "\r\nx\r\n--b--",
		"--b\r\nContent-Disposition: form-data; name=\"f\"; "
		    "filename=\"\xf4\x90\x80\x80\"\r\n\r\nx\r\n--b--",
		"--b\r\nContent-Disposition: form-data; name=\"\xff\"; "
		    "filename=\"f\"\r\n\r\nx\r\n--b--",
	};
	static const char nul[] =
	    "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "x\0y\r\n--b--";
	struct arena	*a = arena_new();
	struct param	*p;
	struct upload	*u;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(req_parse_multipart(a, "b", bad[i],
		    strlen(bad[i]), &p, &u) == REQ_ERR_BAD_UTF8,
		    "accepted case %zu", i);
	ck_assert_int_eq(req_parse_multipart(a, "b", nul, sizeof(nul) - 1,
	    &p, &u), REQ_ERR_BAD_UTF8);
	arena_free(a);
}
END_TEST

START_TEST(multipart_too_many_params)
{
	struct arena	*a = arena_new();
	struct buf	 b;
	struct param	*p;
	struct upload	*u;
	int		 i;

	buf_init(&b, a);
	for (i = 0; i <= REQ_MAX_PARAMS; i++)
		buf_printf(&b, "--b\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"\r\n\r\n%d\r\n", i, i);
	buf_puts(&b, "--b--\r\n");
	ck_assert_int_eq(req_parse_multipart(a, "b", b.data, b.len, &p, &u),
	    REQ_ERR_TOO_LARGE);
	arena_free(a);
}
END_TEST

START_TEST(parse_get_environment)
{
	char		*env[] = {
		"REQUEST_METHOD=GET",
		"DOCUMENT_URI=/customers/客户",
		"SCRIPT_NAME=/ignored",
		"QUERY_STRING=a=1&q=%E4%B8%AD%E6%96%87&a=2",
		"REMOTE_ADDR=10.0.0.7",
		"HTTP_HOST=crm.example",
		"HTTP_REFERER=https://crm.example/",
		"HTTP_USER_AGENT=test/1.0",
		"HTTP_ACCEPT_LANGUAGE=zh-CN,zh;q=0.9",
		"HTTP_COOKIE=sid=s1; lang=zh",
		"HTTPS=on",
		NULL
	};
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m = { "ignored", 7, 0, 0, 0, 0 };

	ck_assert_int_eq(req_parse(&r, a, env, mem_read, &m), REQ_OK);
	ck_assert_int_eq(m.calls, 0);
	ck_assert_ptr_eq(r.arena, a);
	ck_assert_int_eq(r.method, METHOD_GET);
	ck_assert_str_eq(r.method_name, "GET");
	ck_assert_str_eq(r.path, "/customers/客户");
	ck_assert_str_eq(r.query_string, "a=1&q=%E4%B8%AD%E6%96%87&a=2");
	ck_assert_str_eq(r.content_type, "");
	ck_assert_str_eq(r.remote_addr, "10.0.0.7");
	ck_assert_str_eq(r.host, "crm.example");
	ck_assert_ptr_null(r.origin);
	ck_assert_str_eq(r.referer, "https://crm.example/");
	ck_assert_str_eq(r.user_agent, "test/1.0");
	ck_assert_str_eq(r.accept_language, "zh-CN,zh;q=0.9");
	ck_assert_int_eq(r.https, 1);
	ck_assert_str_eq(req_query(&r, "a"), "1");
	ck_assert_str_eq(req_query(&r, "q"), "中文");
	ck_assert_ptr_null(req_query(&r, "missing"));
	ck_assert_str_eq(req_cookie(&r, "sid"), "s1");
	ck_assert_str_eq(req_cookie(&r, "lang"), "zh");
	ck_assert_ptr_null(req_form(&r, "a"));
	ck_assert_ptr_null(r.form);
	ck_assert_ptr_null(r.uploads);
	arena_free(a);
}
END_TEST

START_TEST(parse_methods)
{
	static const struct {
		const char	*env;
		enum req_method	 method;
	} t[] = {
		{ "REQUEST_METHOD=GET", METHOD_GET },
		{ "REQUEST_METHOD=HEAD", METHOD_HEAD },
		{ "REQUEST_METHOD=POST", METHOD_POST },
		{ "REQUEST_METHOD=PUT", METHOD_OTHER },
		{ "REQUEST_METHOD=get", METHOD_OTHER },
		{ "NOT_A_METHOD=GET", METHOD_OTHER },
	};
	struct arena	*a = arena_new();
	struct request	 r;
	char		*env[3];
	size_t		 i;

	env[1] = "DOCUMENT_URI=/";
	env[2] = NULL;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		env[0] = arena_strdup(a, t[i].env);
		ck_assert_int_eq(req_parse(&r, a, env, NULL, NULL), REQ_OK);
		ck_assert_int_eq(r.method, t[i].method);
	}
	ck_assert_str_eq(r.method_name, "");
	ck_assert_int_eq(r.https, 0);
	arena_free(a);
}
END_TEST

START_TEST(parse_path_fallbacks)
{
	char		*script[] = { "SCRIPT_NAME=/app", "PATH_INFO=/x/客",
	    "REQUEST_URI=/no", NULL };
	char		*info[] = { "PATH_INFO=/only", NULL };
	char		*uri[] = { "DOCUMENT_URI=", "REQUEST_URI=/r/s?a=1&b=2",
	    "QUERY_STRING=a=1&b=2", NULL };
	struct arena	*a = arena_new();
	struct request	 r;

	ck_assert_int_eq(req_parse(&r, a, script, NULL, NULL), REQ_OK);
	ck_assert_str_eq(r.path, "/app/x/客");
	ck_assert_int_eq(req_parse(&r, a, info, NULL, NULL), REQ_OK);
	ck_assert_str_eq(r.path, "/only");
	ck_assert_int_eq(req_parse(&r, a, uri, NULL, NULL), REQ_OK);
	ck_assert_str_eq(r.path, "/r/s");
	ck_assert_str_eq(req_query(&r, "b"), "2");
	arena_free(a);
}
END_TEST

START_TEST(parse_bad_path)
{
	char		*rel[] = { "REQUEST_METHOD=GET",
	    "DOCUMENT_URI=relative", NULL };
	char		*none[] = { "REQUEST_METHOD=GET", NULL };
	char		*utf[] = { "REQUEST_METHOD=POST",
	    "DOCUMENT_URI=/a\xc0\xaf", NULL };
	char		*sur[] = { "DOCUMENT_URI=/\xed\xa0\x80", NULL };
	char		*big[] = { "DOCUMENT_URI=/\xf4\x90\x80\x80", NULL };
	char		*bad[] = { "DOCUMENT_URI=/\xc3\x28", NULL };
	struct arena	*a = arena_new();
	struct request	 r;

	ck_assert_int_eq(req_parse(&r, a, rel, NULL, NULL),
	    REQ_ERR_MALFORMED);
	ck_assert_str_eq(r.path, "relative");
	ck_assert_int_eq(r.method, METHOD_GET);
	ck_assert_int_eq(req_parse(&r, a, none, NULL, NULL),
	    REQ_ERR_MALFORMED);
	ck_assert_str_eq(r.path, "");
	ck_assert_int_eq(req_parse(&r, a, NULL, NULL, NULL),
	    REQ_ERR_MALFORMED);
	/* Still set, for the log line of the 400. */
	ck_assert_int_eq(req_parse(&r, a, utf, NULL, NULL), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(r.method, METHOD_POST);
	ck_assert_str_eq(r.path, "/a\xc0\xaf");
	ck_assert_int_eq(req_parse(&r, a, sur, NULL, NULL), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(req_parse(&r, a, big, NULL, NULL), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(req_parse(&r, a, bad, NULL, NULL), REQ_ERR_BAD_UTF8);
	arena_free(a);
}
END_TEST

START_TEST(parse_bad_query_and_cookie)
{
	char		*q8[] = { "DOCUMENT_URI=/", "QUERY_STRING=a=%C3%28",
	    NULL };
	char		*qpct[] = { "DOCUMENT_URI=/", "QUERY_STRING=a=%zz",
	    NULL };
	char		*qnul[] = { "DOCUMENT_URI=/", "QUERY_STRING=a=%00",
	    NULL };
	char		*c8[] = { "DOCUMENT_URI=/", "HTTP_COOKIE=a=\xed\xa0\x80",
	    NULL };
	struct arena	*a = arena_new();
	struct request	 r;

	ck_assert_int_eq(req_parse(&r, a, q8, NULL, NULL), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(req_parse(&r, a, qpct, NULL, NULL),
	    REQ_ERR_MALFORMED);
	ck_assert_int_eq(req_parse(&r, a, qnul, NULL, NULL), REQ_ERR_BAD_UTF8);
	ck_assert_int_eq(req_parse(&r, a, c8, NULL, NULL), REQ_ERR_BAD_UTF8);
	arena_free(a);
}
END_TEST

/* A POST environment with the given type and length. */
static char **
post_env(struct arena *a, const char *type, const char *length)
{
	char	**env = arena_calloc(a, 5, sizeof(*env));

	env[0] = "REQUEST_METHOD=POST";
	env[1] = "DOCUMENT_URI=/save";
	env[2] = arena_printf(a, "CONTENT_TYPE=%s", type);
	env[3] = arena_printf(a, "CONTENT_LENGTH=%s", length);
	return env;
}

static enum req_err
post(struct request *r, struct arena *a, const char *type, struct mem *m)
{
	char	 len[32];

	snprintf(len, sizeof(len), "%zu", m->len);
	return req_parse(r, a, post_env(a, type, len), mem_read, m);
}

START_TEST(parse_post_form)
{
	static const char body[] = "name=%E5%BC%A0%E4%B8%89&city=上海&name=x";
	static const char *types[] = {
		"application/x-www-form-urlencoded",
		"application/x-www-form-urlencoded; charset=UTF-8",
		"Application/X-WWW-Form-URLEncoded;charset=utf-8",
		" application/x-www-form-urlencoded ",
	};
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m;
	size_t		 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		memset(&m, 0, sizeof(m));
		m.data = body;
		m.len = sizeof(body) - 1;
		m.chunk = 3;
		ck_assert_int_eq(post(&r, a, types[i], &m), REQ_OK);
		ck_assert_int_gt(m.calls, 10);
		ck_assert_str_eq(req_form(&r, "name"), "张三");
		ck_assert_str_eq(req_form(&r, "city"), "上海");
		ck_assert_uint_eq(list_len(r.form), 3);
		ck_assert_ptr_null(r.query);
	}
	arena_free(a);
}
END_TEST

START_TEST(parse_post_form_errors)
{
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m = { "a=%C0%AF", 8, 0, 0, 0, 0 };
	const char	*ct = "application/x-www-form-urlencoded";

	ck_assert_int_eq(post(&r, a, ct, &m), REQ_ERR_BAD_UTF8);
	m = (struct mem){ "a=1%", 4, 0, 0, 0, 0 };
	ck_assert_int_eq(post(&r, a, ct, &m), REQ_ERR_MALFORMED);
	m = (struct mem){ "a=1", 3, 0, 0, 0, 1 };
	ck_assert_int_eq(post(&r, a, ct, &m), REQ_ERR_IO);
	/* The body ends before CONTENT_LENGTH. */
	m = (struct mem){ "a=1", 3, 0, 0, 0, 0 };
	ck_assert_int_eq(req_parse(&r, a, post_env(a, ct, "10"), mem_read,
	    &m), REQ_ERR_IO);
	ck_assert_int_eq(req_parse(&r, a, post_env(a, ct, "3"), NULL, NULL),
	    REQ_ERR_IO);
	ck_assert_int_eq(req_parse(&r, a, post_env(a, ct, "12x"), mem_read,
	    &m), REQ_ERR_MALFORMED);
	ck_assert_int_eq(req_parse(&r, a, post_env(a, ct, "-1"), mem_read,
	    &m), REQ_ERR_MALFORMED);
	/* No body at all is an empty form. */
	ck_assert_int_eq(req_parse(&r, a, post_env(a, ct, ""), mem_read, &m),
	    REQ_OK);
	ck_assert_ptr_null(r.form);
	arena_free(a);
}
END_TEST

START_TEST(parse_post_too_large_is_not_read)
{
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m = { "a=1", 3, 0, 0, 0, 0 };
	const char	*form = "application/x-www-form-urlencoded";
	const char	*mp = "multipart/form-data; boundary=b";

	ck_assert_int_eq(req_parse(&r, a, post_env(a, form,
	    arena_printf(a, "%d", REQ_MAX_FORM_BODY + 1)), mem_read, &m),
	    REQ_ERR_TOO_LARGE);
	ck_assert_int_eq(req_parse(&r, a, post_env(a, mp,
	    arena_printf(a, "%d", REQ_MAX_BODY + 1)), mem_read, &m),
	    REQ_ERR_TOO_LARGE);
	ck_assert_int_eq(req_parse(&r, a, post_env(a, form,
	    "99999999999999999999999999999999"), mem_read, &m),
	    REQ_ERR_TOO_LARGE);
	ck_assert_int_eq(m.calls, 0);
	ck_assert_int_eq(r.method, METHOD_POST);
	ck_assert_str_eq(r.path, "/save");
	arena_free(a);
}
END_TEST

START_TEST(parse_post_form_at_the_limit)
{
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m;
	char		*body;

	body = arena_alloc(a, REQ_MAX_FORM_BODY);
	memset(body, 'x', REQ_MAX_FORM_BODY);
	body[0] = 'v';
	body[1] = '=';
	memset(&m, 0, sizeof(m));
	m.data = body;
	m.len = REQ_MAX_FORM_BODY;
	m.chunk = 64 * 1024;
	ck_assert_int_eq(post(&r, a, "application/x-www-form-urlencoded", &m),
	    REQ_OK);
	ck_assert_uint_eq(r.form->len, REQ_MAX_FORM_BODY - 2);
	arena_free(a);
}
END_TEST

START_TEST(parse_post_multipart)
{
	static const char *types[] = {
		"multipart/form-data; boundary=XyZ",
		"multipart/form-data; boundary=\"XyZ\"",
		"Multipart/Form-Data;charset=utf-8;boundary=\"XyZ\"",
	};
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m;
	size_t		 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		memset(&m, 0, sizeof(m));
		m.data = mp_body;
		m.len = sizeof(mp_body) - 1;
		m.chunk = 7;
		ck_assert_int_eq(post(&r, a, types[i], &m), REQ_OK);
		check_mp_body(r.form, r.uploads);
		ck_assert_str_eq(req_form(&r, "title"), "客户 A");
	}
	arena_free(a);
}
END_TEST

START_TEST(parse_post_multipart_quoted_boundary)
{
	static const char body[] =
	    "--a b;c=d\r\n"
	    "Content-Disposition: form-data; name=\"k\"\r\n"
	    "\r\n"
	    "v\r\n"
	    "--a b;c=d--\r\n";
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m = { body, sizeof(body) - 1, 0, 0, 0, 0 };

	ck_assert_int_eq(post(&r, a,
	    "multipart/form-data; boundary=\"a b;c=d\"; x=y", &m), REQ_OK);
	ck_assert_str_eq(req_form(&r, "k"), "v");
	m.off = 0;
	ck_assert_int_eq(post(&r, a, "multipart/form-data", &m),
	    REQ_ERR_MALFORMED);
	ck_assert_int_eq(post(&r, a, "multipart/form-data; boundary=\"a b",
	    &m), REQ_ERR_MALFORMED);
	ck_assert_int_eq(post(&r, a, "multipart/form-data; boundary=other",
	    &m), REQ_ERR_MALFORMED);
	arena_free(a);
}
END_TEST

START_TEST(parse_post_other_type_ignored)
{
	static const char *types[] = {
		"application/json",
		"",
		"application/x-www-form-urlencodedx",
		"text/plain; x=application/x-www-form-urlencoded",
	};
	struct arena	*a = arena_new();
	struct request	 r;
	struct mem	 m = { "a=1", 3, 0, 0, 0, 0 };
	char		**env;
	size_t		 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		ck_assert_int_eq(post(&r, a, types[i], &m), REQ_OK);
		ck_assert_ptr_null(r.form);
	}
	/* Only a POST has a body worth reading. */
	env = post_env(a, "application/x-www-form-urlencoded", "3");
	env[0] = "REQUEST_METHOD=PUT";
	ck_assert_int_eq(req_parse(&r, a, env, mem_read, &m), REQ_OK);
	ck_assert_ptr_null(r.form);
	ck_assert_int_eq(m.calls, 0);
	arena_free(a);
}
END_TEST

START_TEST(env_lookup)
{
	char	*env[] = { "PATH_INFO=/x", "PATH=/bin", "EMPTY=", "NOEQ",
	    NULL };

	ck_assert_str_eq(env_get(env, "PATH"), "/bin");
	ck_assert_str_eq(env_get(env, "PATH_INFO"), "/x");
	ck_assert_str_eq(env_get(env, "EMPTY"), "");
	ck_assert_ptr_null(env_get(env, "PATH_I"));
	ck_assert_ptr_null(env_get(env, "NOEQ"));
	ck_assert_ptr_null(env_get(env, "MISSING"));
	ck_assert_ptr_null(env_get(NULL, "PATH"));
}
END_TEST

static Suite *
req_suite(void)
{
	Suite	*s = suite_create("req");
	TCase	*tc;

	tc = tcase_create("urlencoded");
	tcase_add_test(tc, urlencoded_decodes);
	tcase_add_test(tc, urlencoded_chinese_round_trips);
	tcase_add_test(tc, urlencoded_empty_pairs_and_bare_names);
	tcase_add_test(tc, urlencoded_order_and_duplicates);
	tcase_add_test(tc, urlencoded_malformed_percent);
	tcase_add_test(tc, urlencoded_rejects_nul);
	tcase_add_test(tc, urlencoded_rejects_bad_utf8);
	tcase_add_test(tc, urlencoded_too_many_params);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_test(tc, cookies_split_trim_and_unquote);
	tcase_add_test(tc, cookies_limits);
	tcase_add_test(tc, cookies_reject_bad_utf8);
	suite_add_tcase(s, tc);

	tc = tcase_create("multipart");
	tcase_add_test(tc, multipart_fields_and_binary_file);
	tcase_add_test(tc, multipart_minimal_forms);
	tcase_add_test(tc, multipart_malformed);
	tcase_add_test(tc, multipart_boundary_length);
	tcase_add_test(tc, multipart_rejects_bad_utf8);
	tcase_add_test(tc, multipart_too_many_params);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, parse_get_environment);
	tcase_add_test(tc, parse_methods);
	tcase_add_test(tc, parse_path_fallbacks);
	tcase_add_test(tc, parse_bad_path);
	tcase_add_test(tc, parse_bad_query_and_cookie);
	tcase_add_test(tc, parse_post_form);
	tcase_add_test(tc, parse_post_form_errors);
	tcase_add_test(tc, parse_post_too_large_is_not_read);
	tcase_add_test(tc, parse_post_form_at_the_limit);
	tcase_add_test(tc, parse_post_multipart);
	tcase_add_test(tc, parse_post_multipart_quoted_boundary);
	tcase_add_test(tc, parse_post_other_type_ignored);
	tcase_add_test(tc, env_lookup);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(req_suite)
