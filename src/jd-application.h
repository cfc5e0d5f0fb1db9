/* jd-application.h: the Job Desk application: one instance, the signed-in
 * client, settings, and the built-in sample server. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"

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

/* Servers the user allowed to receive credentials over plain HTTP. */
gboolean       jd_application_get_allow_insecure  (JdApplication  *self,
                                                   const char     *server);
void           jd_application_set_allow_insecure  (JdApplication  *self,
                                                   const char     *server,
                                                   gboolean        allow);

G_END_DECLS
