/* jd-followed-jobs-private.h: hooks for the tests only. */
#pragma once

#include "jd-followed-jobs.h"

G_BEGIN_DECLS

/* Faster following than a real user would want. */
void  jd_followed_jobs_set_intervals          (JdFollowedJobs *self,
                                               guint           min_ms,
                                               guint           max_ms);
/* How many notifications went out. */
guint jd_followed_jobs_get_notification_count (JdFollowedJobs *self);

G_END_DECLS
