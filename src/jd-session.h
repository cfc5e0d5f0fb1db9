/* jd-session.h: who the app is signed in to, and how it got there.
 *
 * The one JdClient every window uses; restoring the last sign-in from the
 * keyring; switching to a saved server; signing out; the built-in sample
 * server. It never opens a window: when a sign-in is needed it emits
 * "sign-in-needed" (const char *server, or NULL) and the application
 * shows the dialog.
 */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"
#include "jd-credentials.h"
#include "jd-servers.h"

G_BEGIN_DECLS

#define JD_TYPE_SESSION (jd_session_get_type ())
G_DECLARE_FINAL_TYPE (JdSession, jd_session, JD, SESSION, GObject)

JdSession   *jd_session_new               (GSettings      *settings,
                                           JdServers      *servers);
JdServers   *jd_session_get_servers       (JdSession      *self);
/* The one HTTP session every client of the app shares. */
SoupSession *jd_session_get_soup_session  (JdSession      *self);
/* The client of the server signed in to, or NULL; "notify::client". */
JdClient    *jd_session_get_client        (JdSession      *self);
/* Uses client as it is: saves nothing (sign-out, the tests). */
void         jd_session_set_client        (JdSession      *self,
                                           JdClient       *client);
/* The address and kind of the last sign-in, for the dialog to start from. */
char        *jd_session_dup_last_server   (JdSession      *self);
JdAuthKind   jd_session_get_last_kind     (JdSession      *self);

/* A sign-in the Server accepted, in one place: the address and kind go to
 * the settings (the secret went to the keyring, or nowhere), the server to
 * the saved servers and, if the user allowed it, to the allow-insecure
 * list; then client becomes the session's client. */
void         jd_session_sign_in           (JdSession      *self,
                                           JdClient       *client,
                                           const JdCredentials *credentials);
/* Looks the last sign-in up in the keyring. FALSE when there is none to
 * look up (nothing started, no signal). A lookup that finds nothing emits
 * "sign-in-needed". "restoring" is TRUE meanwhile. */
gboolean     jd_session_restore           (JdSession      *self);
gboolean     jd_session_get_restoring     (JdSession      *self);
/* Signs in to a saved server with its keyring entry, or emits
 * "sign-in-needed" with its address when there is none. */
void         jd_session_switch_server     (JdSession      *self,
                                           const char     *server,
                                           JdAuthKind      kind);
/* Forgets the sign-in (keyring entry, saved server; the sample server has
 * none), and emits "sign-in-needed" with the address signed out from. */
void         jd_session_sign_out          (JdSession      *self);

/* Starts the built-in sample server (once) and returns its base URL. */
const char  *jd_session_start_demo_server (JdSession      *self,
                                           GError        **error);
gboolean     jd_session_is_demo_client    (JdSession      *self,
                                           JdClient       *client);
/* Signs in to the sample server with the sample Curator key. */
gboolean     jd_session_sign_in_demo      (JdSession      *self,
                                           GError        **error);
/* Cancels what is under way and stops the sample server. */
void         jd_session_shutdown          (JdSession      *self);

G_END_DECLS
