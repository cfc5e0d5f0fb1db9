/* jd-broken-server.h: a deliberately misbehaving HTTP server for tests.
 *
 * It speaks raw HTTP/1.1 on 127.0.0.1 from worker threads, so it can do what
 * a well-behaved SoupServer never would: lie about lengths, stop mid-body,
 * drip, reset the connection, or never answer. The scenario for API paths
 * and the one for the token endpoint are chosen by name.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_TYPE_BROKEN_SERVER (jd_broken_server_get_type ())
G_DECLARE_FINAL_TYPE (JdBrokenServer, jd_broken_server, JD, BROKEN_SERVER, GObject)

/* Listens on address (NULL: 127.0.0.1), any free port. */
JdBrokenServer *jd_broken_server_new                 (const char     *address);
const char     *jd_broken_server_get_base_url        (JdBrokenServer *self);
void            jd_broken_server_set_scenario        (JdBrokenServer *self,
                                                      const char     *scenario);
void            jd_broken_server_set_token_scenario  (JdBrokenServer *self,
                                                      const char     *scenario);
void            jd_broken_server_set_redirect_target (JdBrokenServer *self,
                                                      const char     *url);
guint           jd_broken_server_get_request_count   (JdBrokenServer *self);
guint           jd_broken_server_get_token_request_count (JdBrokenServer *self);
/* Authorization header of the most recent request, or NULL. */
char           *jd_broken_server_dup_last_authorization (JdBrokenServer *self);
/* Every scenario name, NULL-terminated. */
const char * const *jd_broken_server_list_scenarios  (void);
void            jd_broken_server_stop                (JdBrokenServer *self);

G_END_DECLS
