/* jd-ui-test-util.h: helpers for tests that drive the real widgets. */
#pragma once

#include <adwaita.h>

#include "jd-application.h"
#include "jd-application-private.h"
#include "jd-client.h"
#include "jd-demo-server.h"

G_BEGIN_DECLS

/* g_test_init with isolated dirs, then GTK and libadwaita. */
void           jd_ui_test_init            (int            *argc,
                                           char         ***argv);
/* The application, registered (non-unique) so its actions and accels exist. */
JdApplication *jd_ui_test_app_new         (void);
/* A sample server in a thread of its own. */
JdDemoServer  *jd_ui_test_demo_server_new (void);
/* A client of that server with the sample Curator (or viewer) key. */
JdClient      *jd_ui_test_demo_client_new (JdDemoServer   *server,
                                           gboolean        viewer);

typedef gboolean (*JdUiTestCondition) (gpointer data);
/* Spins the main context until condition holds; FALSE on timeout. */
gboolean       jd_ui_test_wait_for        (JdUiTestCondition condition,
                                           gpointer          data,
                                           guint             timeout_ms);
void           jd_ui_test_spin            (guint           milliseconds);
/* Waits until a string property of object equals value (an enum
 * property: until its value's nick does). */
gboolean       jd_ui_test_wait_for_string (gpointer        object,
                                           const char     *property,
                                           const char     *value,
                                           guint           timeout_ms);

/* Reads the widget's clipboard back as text (NULL if none). */
char          *jd_ui_test_read_clipboard  (GtkWidget      *widget);

/* The first descendant (depth first) built from a template or .ui file
 * with this id, or NULL. */
GtkWidget     *jd_ui_test_find_by_id      (GtkWidget      *root,
                                           const char     *id);
/* The first descendant of this type (or a subtype). */
GtkWidget     *jd_ui_test_find_by_type    (GtkWidget      *root,
                                           GType           type);
/* The first GtkButton / AdwPreferencesRow / GtkLabel whose label or title
 * is text. */
GtkWidget     *jd_ui_test_find_by_text    (GtkWidget      *root,
                                           const char     *text);
/* All descendants of this type, in tree order. */
GPtrArray     *jd_ui_test_find_all        (GtkWidget      *root,
                                           GType           type);

/* Writes a PNG of what the widget shows now. */
void           jd_ui_test_screenshot      (GtkWidget      *widget,
                                           const char     *path);

G_END_DECLS

G_BEGIN_DECLS

/* A notification server (org.freedesktop.Notifications) on the session bus
 * that counts what it is sent; NULL when there is no session bus. */
typedef struct _JdUiTestNotifications JdUiTestNotifications;

JdUiTestNotifications *jd_ui_test_notifications_start       (void);
/* The one jd_ui_test_init () started, or NULL without a session bus. */
JdUiTestNotifications *jd_ui_test_get_notifications         (void);
guint                  jd_ui_test_notifications_get_count   (JdUiTestNotifications *self);
const char            *jd_ui_test_notifications_get_summary (JdUiTestNotifications *self);
const char            *jd_ui_test_notifications_get_body    (JdUiTestNotifications *self);
void                   jd_ui_test_notifications_reset       (JdUiTestNotifications *self);

G_END_DECLS

G_BEGIN_DECLS
/* Waits until the server has had no new request for a while (the window
 * asks a few things on its own, e.g. whether recent jobs are listed), so a
 * test can count the requests its own step sends. */
void jd_ui_test_wait_for_quiet (JdDemoServer *server);
G_END_DECLS
