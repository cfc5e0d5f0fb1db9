/* jd-sign-in-dialog.h: server address and credentials, verified before
 * the dialog closes. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_SIGN_IN_DIALOG (jd_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdSignInDialog, jd_sign_in_dialog, JD, SIGN_IN_DIALOG, AdwWindow)

/* A sign-in the Server accepts is saved with session (construct-only
 * "session") and becomes its client. */
JdSignInDialog *jd_sign_in_dialog_new        (GtkWindow      *parent,
                                              JdSession      *session);
/* Fills in the server address (as from `jobdesk --server URL`). */
void            jd_sign_in_dialog_set_server (JdSignInDialog *self,
                                              const char     *server);
/* Which credentials the dialog asks for ("kind"): JD_AUTH_API_KEY or
 * JD_AUTH_ACCESS_TOKEN. It starts as the last sign-in was made. */
JdAuthKind      jd_sign_in_dialog_get_kind   (JdSignInDialog *self);
void            jd_sign_in_dialog_set_kind   (JdSignInDialog *self,
                                              JdAuthKind      kind);
/* TRUE while the Server verifies the credentials ("busy"). */
gboolean        jd_sign_in_dialog_get_busy   (JdSignInDialog *self);

/* Signal "signed-in" (JdClient *client, gboolean remembered): emitted once
 * the server accepted the credentials and they were stored in the keyring
 * (remembered TRUE) or could not be (no Secret Service: FALSE), just before
 * the dialog closes, the session already signed in with client. "Try With
 * Sample Data" emits it too, with the session's sample client
 * and remembered TRUE: the sample key is built in, nothing needs storing. */

G_END_DECLS
