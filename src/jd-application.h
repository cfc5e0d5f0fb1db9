/* jd-application.h: the Job Desk application: one instance, and the
 * objects that own the state, which it hands to its windows. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-followed-jobs.h"
#include "jd-history.h"
#include "jd-servers.h"
#include "jd-session.h"
#include "jd-window.h"

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())
G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

JdApplication  *jd_application_new               (void);
/* A new main window, given the application's state. */
JdWindow       *jd_application_new_window        (JdApplication *self);

GSettings      *jd_application_get_settings      (JdApplication *self);
JdSession      *jd_application_get_session       (JdApplication *self);
JdServers      *jd_application_get_servers       (JdApplication *self);
JdHistory      *jd_application_get_history       (JdApplication *self);
JdFollowedJobs *jd_application_get_followed_jobs (JdApplication *self);

G_END_DECLS
