/* jd-servers.h: the saved servers: each a Web API address and a sign-in
 * kind with its own keyring entry, the servers the user allowed to receive
 * credentials over plain HTTP, and the menu that lists them. */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"

G_BEGIN_DECLS

#define JD_TYPE_SERVERS (jd_servers_get_type ())
G_DECLARE_FINAL_TYPE (JdServers, jd_servers, JD, SERVERS, GObject)

JdServers  *jd_servers_new               (GSettings   *settings);
/* Items with the action app.server and a target from
 * jd_servers_make_target (); rebuilt when the profiles change. */
GMenuModel *jd_servers_get_menu          (JdServers   *self);
/* Puts the server first in the list (adding it if new). */
void        jd_servers_remember          (JdServers   *self,
                                          const char  *server,
                                          JdAuthKind   kind);
void        jd_servers_forget            (JdServers   *self,
                                          const char  *server,
                                          JdAuthKind   kind);
gboolean    jd_servers_get_allow_insecure (JdServers  *self,
                                          const char  *server);
void        jd_servers_set_allow_insecure (JdServers  *self,
                                          const char  *server,
                                          gboolean     allow);

/* "api-key https://ayx.example.com/webapi/", the menu items' target. */
char       *jd_servers_make_target       (const char  *server,
                                          JdAuthKind   kind);
gboolean    jd_servers_parse_target      (const char  *target,
                                          char       **server,
                                          JdAuthKind  *kind);
/* "ayx.example.com", or with the port when there is one */
char       *jd_servers_describe          (const char  *base_url);

G_END_DECLS
