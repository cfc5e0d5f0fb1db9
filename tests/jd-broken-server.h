/* jd-broken-server.h: a deliberately misbehaving HTTP server for tests.
 *
 * It speaks raw HTTP/1.1 on 127.0.0.1 from worker threads, so it can do what
 * a well-behaved SoupServer never would: lie about lengths, stop mid-body,
 * drip, reset the connection, or never answer. The scenario for API paths
 * and the one for the token endpoint are chosen by name. A TLS handshake
 * on the plain port is answered in plain HTTP, as real servers do.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_TYPE_BROKEN_SERVER (jd_broken_server_get_type ())
G_DECLARE_FINAL_TYPE (JdBrokenServer, jd_broken_server, JD, BROKEN_SERVER, GObject)

/* Listens on address (NULL: 127.0.0.1), any free port. */
JdBrokenServer *jd_broken_server_new                 (const char     *address);
/* The same behind TLS with this certificate (an https:// base URL). A
 * client that refuses the certificate never gets to send a request. */
JdBrokenServer *jd_broken_server_new_tls             (const char      *address,
                                                      GTlsCertificate *certificate);
/* tests/data/test-only-self-signed.pem: a self-signed certificate and its
 * key for 127.0.0.1 and localhost, made for these tests only. */
GTlsCertificate *jd_broken_server_load_test_certificate (void);
const char     *jd_broken_server_get_base_url        (JdBrokenServer *self);
void            jd_broken_server_set_scenario        (JdBrokenServer *self,
                                                      const char     *scenario);
void            jd_broken_server_set_token_scenario  (JdBrokenServer *self,
                                                      const char     *scenario);
void            jd_broken_server_set_redirect_target (JdBrokenServer *self,
                                                      const char     *url);
guint           jd_broken_server_get_request_count   (JdBrokenServer *self);
guint           jd_broken_server_get_token_request_count (JdBrokenServer *self);
/* Connections accepted, including those that never sent a request. */
guint           jd_broken_server_get_connection_count (JdBrokenServer *self);
/* Authorization header of the most recent request, or NULL. */
char           *jd_broken_server_dup_last_authorization (JdBrokenServer *self);
/* Path (without the query) of the most recent request, as sent, or NULL. */
char           *jd_broken_server_dup_last_path  (JdBrokenServer *self);
/* The status the "job-status" scenario gives its job (default Running). */
void            jd_broken_server_set_job_status      (JdBrokenServer *self,
                                                      const char     *status);
/* The query of every API request so far (not the token's), in order;
 * "" for a request without one. */
char          **jd_broken_server_dup_queries         (JdBrokenServer *self);
/* Every scenario name, NULL-terminated. */
const char * const *jd_broken_server_list_scenarios  (void);
void            jd_broken_server_stop                (JdBrokenServer *self);

G_END_DECLS
