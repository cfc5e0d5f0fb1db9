/* jd-request-path.h: the query part of a request's path. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "?name=value" or "&name=value"; nothing for a NULL or empty value. */
void jd_request_path_append_query      (GString         *path,
                                        const char      *name,
                                        const char      *value);
/* A day as the Server takes it: yyyy-MM-dd, in the date's own zone. */
void jd_request_path_append_date_query (GString         *path,
                                        const char      *name,
                                        GDateTime       *date);
/* Sorting and paging, which both lists of jobs take alike. */
void jd_request_path_append_page_query (GString         *path,
                                        const char      *sort_field,
                                        gboolean         ascending,
                                        guint            offset,
                                        guint            limit);

G_END_DECLS
