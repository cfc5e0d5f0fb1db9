/* jd-followed-jobs.h: the queued and running jobs the app follows until
 * they end, also without a window, each with a desktop notification then. */
#pragma once

#include <gio/gio.h>

#include "jd-history.h"
#include "jd-job-follower.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_FOLLOWED_JOBS (jd_followed_jobs_get_type ())
G_DECLARE_FINAL_TYPE (JdFollowedJobs, jd_followed_jobs, JD, FOLLOWED_JOBS, GObject)

/* The application is held while a job is followed and sends the
 * notifications; it is not referenced (it owns this object). */
JdFollowedJobs *jd_followed_jobs_new    (GApplication   *application,
                                         JdSession      *session,
                                         JdHistory      *history);
/* Follows the job with the session's client. Returns the follower (owned
 * here), or NULL when the job is not worth following or there is no
 * client. Following ends when the client changes. */
JdJobFollower  *jd_followed_jobs_follow (JdFollowedJobs *self,
                                         JdJob          *job);
JdJobFollower  *jd_followed_jobs_lookup (JdFollowedJobs *self,
                                         const char     *job_id);
void            jd_followed_jobs_stop   (JdFollowedJobs *self,
                                         const char     *job_id);
void            jd_followed_jobs_stop_all (JdFollowedJobs *self);
/* The IDs of the jobs being followed now ("following-changed" says when
 * that changes). */
GStrv           jd_followed_jobs_dup_following_ids (JdFollowedJobs *self);
/* Followers whose last check failed look again at once (the network is
 * back). */
void            jd_followed_jobs_retry_failed (JdFollowedJobs *self);

G_END_DECLS
