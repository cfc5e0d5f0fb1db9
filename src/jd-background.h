/* jd-background.h: keeps following jobs when the last window closes.
 *
 * When the app's last window closes while jobs are still followed, it
 * asks the desktop's Background portal (org.freedesktop.portal.Background)
 * to let it run on, and says in a notification that it keeps watching;
 * the notification goes again when a window opens or nothing is followed
 * any more. Where no portal answers, it says nothing more: an app outside
 * a sandbox runs on anyway.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  JD_BACKGROUND_NOT_ASKED,
  JD_BACKGROUND_ASKING,
  JD_BACKGROUND_ALLOWED,
  JD_BACKGROUND_REFUSED,
  JD_BACKGROUND_NO_PORTAL,
} JdBackgroundState;

/* The IDs of the jobs followed now, as a new NULL-terminated array. */
typedef char **(*JdBackgroundJobsFunc) (gpointer user_data);

#define JD_BACKGROUND_NOTIFICATION_ID "watching-in-background"

#define JD_TYPE_BACKGROUND (jd_background_get_type ())
G_DECLARE_FINAL_TYPE (JdBackground, jd_background, JD, BACKGROUND, GObject)

/* The application must outlive the JdBackground (it owns it). */
JdBackground      *jd_background_new       (GtkApplication       *application,
                                            JdBackgroundJobsFunc  followed_jobs,
                                            gpointer              user_data);
/* Looks again whether to keep watching: call when following changes. */
void               jd_background_update    (JdBackground         *self);
JdBackgroundState  jd_background_get_state (JdBackground         *self);
/* Whether the "keeps watching" notification is out. */
gboolean           jd_background_get_watching (JdBackground      *self);

G_END_DECLS
