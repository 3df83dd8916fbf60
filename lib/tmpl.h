/*
 * tmpl.h - ClearSilver templates, parsed once per worker.
 *
 * HTML escaping is on for every <?cs var: ?> (Config.VarEscapeMode=html is
 * set before cs_init). Parsed templates are cached per worker and rendered
 * against each request's own HDF; the language catalogue is attached as the
 * fallback ("global") HDF so templates say <?cs var:L.some.key ?>.
 */
#ifndef CRM_TMPL_H
#define CRM_TMPL_H

#include <ClearSilver.h>

struct buf;

/* Load the language catalogues from dir/lang; 0 or -1 (logged). */
int		 tmpl_init(const char *dir);
void		 tmpl_shutdown(void);
/* The catalogue for lang ("en" or "zh-CN"); English for anything else. */
HDF		*tmpl_lang(const char *lang);
/* 1 if lang names a shipped language. */
int		 tmpl_lang_known(const char *lang);
/* Render template name (e.g. "customers/list.cs") with data and lang. */
int		 tmpl_render(const char *name, HDF *data, const char *lang,
		    struct buf *out);

#endif
