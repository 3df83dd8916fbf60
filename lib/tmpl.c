/*
 * tmpl.c - template cache and rendering.
 *
 * ClearSilver keeps the data tree a template is rendered with in the parse
 * structure (CSPARSE.hdf). A parse tree holds no request data after
 * rendering, so one parse per template is kept and pointed at each request's
 * HDF for the duration of cs_render. Workers are single-threaded processes,
 * so no two renders share a parse at once.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "log.h"
#include "tmpl.h"

#define TMPL_MAX	64

static const char *const langs[] = { "en", "zh-CN" };
#define NLANGS	(sizeof(langs) / sizeof(langs[0]))

static HDF	*base;			/* Config and load path */
static HDF	*catalogue[NLANGS];
static struct {
	char		 name[128];
	CSPARSE		*cs;
} cache[TMPL_MAX];

static void
tmpl_log(NEOERR *err, const char *what)
{
	STRING	s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_error(NULL, "template %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

int
tmpl_init(const char *dir)
{
	char	 path[PATH_MAX];
	size_t	 i;
	NEOERR	*err;

	if ((err = hdf_init(&base)) != STATUS_OK ||
	    (err = hdf_set_value(base, "Config.VarEscapeMode", "html")) !=
	    STATUS_OK ||
	    (err = hdf_set_value(base, "hdf.loadpaths.0", dir)) != STATUS_OK) {
		tmpl_log(err, "init");
		return -1;
	}
	for (i = 0; i < NLANGS; i++) {
		snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, langs[i]);
		if ((err = hdf_init(&catalogue[i])) != STATUS_OK ||
		    (err = hdf_read_file(catalogue[i], path)) != STATUS_OK) {
			tmpl_log(err, path);
			return -1;
		}
	}
	return 0;
}

void
tmpl_shutdown(void)
{
	size_t	i;

	for (i = 0; i < TMPL_MAX && cache[i].cs != NULL; i++)
		cs_destroy(&cache[i].cs);
	for (i = 0; i < NLANGS; i++)
		hdf_destroy(&catalogue[i]);
	hdf_destroy(&base);
}

int
tmpl_lang_known(const char *lang)
{
	size_t	i;

	for (i = 0; lang != NULL && i < NLANGS; i++)
		if (strcmp(lang, langs[i]) == 0)
			return 1;
	return 0;
}

HDF *
tmpl_lang(const char *lang)
{
	size_t	i;

	for (i = 0; lang != NULL && i < NLANGS; i++)
		if (strcmp(lang, langs[i]) == 0)
			return catalogue[i];
	return catalogue[0];
}

static CSPARSE *
tmpl_get(const char *name)
{
	size_t	 i;
	CSPARSE	*cs;
	NEOERR	*err;

	for (i = 0; i < TMPL_MAX && cache[i].cs != NULL; i++)
		if (strcmp(cache[i].name, name) == 0)
			return cache[i].cs;
	if (i == TMPL_MAX || strlen(name) >= sizeof(cache[i].name)) {
		log_error(NULL, "template cache full at %s", name);
		return NULL;
	}
	if ((err = cs_init(&cs, base)) != STATUS_OK) {
		tmpl_log(err, name);
		return NULL;
	}
	if ((err = cgi_register_strfuncs(cs)) != STATUS_OK ||
	    (err = cs_parse_file(cs, name)) != STATUS_OK) {
		tmpl_log(err, name);
		cs_destroy(&cs);
		return NULL;
	}
	snprintf(cache[i].name, sizeof(cache[i].name), "%s", name);
	cache[i].cs = cs;
	return cs;
}

static NEOERR *
tmpl_out(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

int
tmpl_render(const char *name, HDF *data, const char *lang, struct buf *out)
{
	CSPARSE	*cs;
	NEOERR	*err;

	if ((cs = tmpl_get(name)) == NULL)
		return -1;
	cs->hdf = data;
	cs->global_hdf = tmpl_lang(lang);
	err = cs_render(cs, out, tmpl_out);
	cs->hdf = base;
	cs->global_hdf = NULL;
	if (err != STATUS_OK) {
		tmpl_log(err, name);
		return -1;
	}
	return 0;
}
