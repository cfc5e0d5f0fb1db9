/* jd-application.h: the Job Desk application: one instance, the signed-in
 * client, settings, and the built-in sample server. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-history.h"
#include "jd-job-follower.h"

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())
G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

JdApplication *jd_application_new                 (void);
GSettings     *jd_application_get_settings        (JdApplication  *self);
SoupSession   *jd_application_get_session         (JdApplication  *self);
/* The client of the server signed in to, or NULL; "notify::client". */
JdClient      *jd_application_get_client          (JdApplication  *self);
void           jd_application_set_client          (JdApplication  *self,
                                                   JdClient       *client);
/* Starts the built-in sample server (once) and returns its base URL. */
const char    *jd_application_start_demo_server   (JdApplication  *self,
                                                   GError        **error);
gboolean       jd_application_is_demo_client      (JdApplication  *self,
                                                   JdClient       *client);
/* Signs in to the sample server with the sample Curator key. */
gboolean       jd_application_sign_in_demo        (JdApplication  *self,
                                                   GError        **error);

JdHistory     *jd_application_get_history         (JdApplication  *self);

/* Follows a queued or running job until it ends, also without a window,
 * and sends a desktop notification then. Returns the follower (owned by
 * the application), or NULL when the job is not worth following. */
JdJobFollower *jd_application_follow_job          (JdApplication  *self,
                                                   JdJob          *job);
JdJobFollower *jd_application_get_follower        (JdApplication  *self,
                                                   const char     *job_id);
void           jd_application_stop_following      (JdApplication  *self,
                                                   const char     *job_id);
/* For tests: faster following, and how many notifications went out. */
void           jd_application_set_follow_intervals (JdApplication *self,
                                                    guint          min_ms,
                                                    guint          max_ms);
guint          jd_application_get_notification_count (JdApplication *self);

/* Saved servers: each a Web API address and a sign-in kind, with its own
 * keyring entry; the menu lists them with the current one checked. */
GMenuModel    *jd_application_get_servers_menu    (JdApplication  *self);
void           jd_application_remember_server     (JdApplication  *self,
                                                   JdClient       *client);
/* "ayx.example.com", or with the port when there is one */
char          *jd_application_describe_server     (const char     *base_url);

/* Servers the user allowed to receive credentials over plain HTTP. */
gboolean       jd_application_get_allow_insecure  (JdApplication  *self,
                                                   const char     *server);
void           jd_application_set_allow_insecure  (JdApplication  *self,
                                                   const char     *server,
                                                   gboolean        allow);

G_END_DECLS
