/* jd-broken-responses.h: raw HTTP writing for the broken servers. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean    jd_broken_write_all       (GOutputStream *out,
                                       const void    *data,
                                       gsize          size,
                                       GCancellable  *stop);
gboolean    jd_broken_write_str       (GOutputStream *out,
                                       const char    *text,
                                       GCancellable  *stop);
/* Sleeps, but wakes (FALSE) when the server stops. */
gboolean    jd_broken_nap             (GCancellable  *stop,
                                       guint          milliseconds);
/* A whole answer with Content-Length and Connection: close. */
void        jd_broken_respond         (GOutputStream *out,
                                       guint          status,
                                       const char    *reason,
                                       const char    *content_type,
                                       const char    *extra_headers,
                                       const char    *body,
                                       gsize          body_size,
                                       GCancellable  *stop);
void        jd_broken_respond_json    (GOutputStream *out,
                                       guint          status,
                                       const char    *reason,
                                       const char    *json,
                                       GCancellable  *stop);
/* Waits until the client goes away (or the server stops). */
void        jd_broken_wait_for_hangup (GInputStream  *in,
                                       GCancellable  *stop);
const char *jd_broken_reason_for      (guint          status);
/* 64 MB of JSON white space, gzip-compressed; made once per process. */
GBytes     *jd_broken_gzip_bomb       (void);

G_END_DECLS
