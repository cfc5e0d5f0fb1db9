/* jd-demo-request.h: reading a request and answering it, as the Server
 * does; private to JdDemoServer (jd-demo-server.c). */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define JD_DEMO_DENIED_MESSAGE    "Authorization has been denied for this request."
#define JD_DEMO_NO_RESOURCE       "No HTTP resource was found that matches the request URI."
#define JD_DEMO_JSON_CONTENT_TYPE "application/json; charset=utf-8"

/* Answers; a refusal carries the Server's {"message": ...}. */
void         jd_demo_respond_json_take          (SoupServerMessage  *msg,
                                                 guint               status,
                                                 char               *json);
void         jd_demo_respond_message            (SoupServerMessage  *msg,
                                                 guint               status,
                                                 const char         *message);
G_GNUC_PRINTF (3, 4)
void         jd_demo_respond_messagef           (SoupServerMessage  *msg,
                                                 guint               status,
                                                 const char         *format,
                                                 ...);
/* 400 {"error": ..., "error_description": ...}; description may be NULL */
void         jd_demo_respond_oauth_error        (SoupServerMessage  *msg,
                                                 const char         *error,
                                                 const char         *description);
void         jd_demo_respond_not_found          (SoupServerMessage  *msg);
void         jd_demo_respond_method_not_allowed (SoupServerMessage  *msg,
                                                 const char         *allow);

/* The path's segments, unescaped, without empty ones. */
GPtrArray   *jd_demo_split_path                 (const char         *path);
/* GET also matches HEAD. */
gboolean     jd_demo_method_is                  (SoupServerMessage  *msg,
                                                 const char         *method);

/* Query values, the name in any case. The readers that take msg answer
 * 400 and return FALSE for a value that is not valid, and leave the value
 * as it is when the query does not name it. */
const char  *jd_demo_query_get                  (GHashTable         *query,
                                                 const char         *name);
gboolean     jd_demo_query_get_uint             (SoupServerMessage  *msg,
                                                 GHashTable         *query,
                                                 const char         *name,
                                                 guint              *value);
gboolean     jd_demo_query_get_direction        (SoupServerMessage  *msg,
                                                 GHashTable         *query,
                                                 gboolean           *ascending);
/* yyyy-MM-dd as the Unix time in ms of that day's start (UTC) */
gboolean     jd_demo_query_get_date             (SoupServerMessage  *msg,
                                                 GHashTable         *query,
                                                 const char         *name,
                                                 gint64             *unix_ms);
/* comma-separated; with canonical, each value replaced by its spelling */
gboolean     jd_demo_query_get_list             (SoupServerMessage  *msg,
                                                 GHashTable         *query,
                                                 const char         *name,
                                                 const char       *(*canonical) (const char *value),
                                                 GStrv              *list);
/* "true" or "false" in any case; FALSE when not given */
gboolean     jd_demo_query_get_boolean          (SoupServerMessage  *msg,
                                                 GHashTable         *query,
                                                 const char         *name,
                                                 gboolean           *value);

/* Open sets compared as the Server does: without regard to case. */
gboolean     jd_demo_status_is                  (const char         *status,
                                                 const char         *name);
/* "Complete" is what a query says, "Completed" what a job says; NULL for
 * what no Server knows */
const char  *jd_demo_canonical_status           (const char         *name);
const char  *jd_demo_canonical_priority         (const char         *name);

G_END_DECLS
