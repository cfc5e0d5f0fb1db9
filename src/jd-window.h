/* jd-window.h: the main window: look up a job, or browse a workflow's jobs. */
#pragma once

#include <adwaita.h>

#include "jd-followed-jobs.h"
#include "jd-history.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_WINDOW (jd_window_get_type ())
G_DECLARE_FINAL_TYPE (JdWindow, jd_window, JD, WINDOW, AdwApplicationWindow)

/* A window of application showing this state (construct-only
 * properties "settings", "session", "history", "followed-jobs"). */
JdWindow *jd_window_new          (GtkApplication *application,
                                  GSettings      *settings,
                                  JdSession      *session,
                                  JdHistory      *history,
                                  JdFollowedJobs *followed_jobs);
/* Looks up the job ID that text holds, as if pasted into the entry. */
void      jd_window_look_up      (JdWindow      *self,
                                  const char    *text);
/* Shows the job: its tab if open, else a blank tab or a new one. */
void      jd_window_open_job     (JdWindow      *self,
                                  const char    *job_id);
/* Opens the sign-in dialog, with this address filled in if given. */
void      jd_window_show_sign_in (JdWindow      *self,
                                  const char    *server);
void      jd_window_show_toast   (JdWindow      *self,
                                  const char    *text);

G_END_DECLS
