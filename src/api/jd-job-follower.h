/* jd-job-follower.h: keeps looking at a queued or running job until it ends.
 *
 * The follower asks the server again after 2 seconds, then waits twice as
 * long each time nothing changed, up to 30 seconds; a change of state starts
 * again at 2. Failures that may pass (network, timeouts, 5xx, 429) back off
 * the same way and are reported in last-error; failures that will not pass
 * (not found, refused, signed out) stop it. "finished" is emitted exactly
 * once, when the job has ended.
 *
 * Checks ask for the job without its messages; the messages come only
 * when the state changed, when the job ended, or, while "messages-wanted"
 * is set, every fourth check.
 */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"
#include "jd-job.h"

G_BEGIN_DECLS

#define JD_JOB_FOLLOWER_MIN_INTERVAL_MS  2000
#define JD_JOB_FOLLOWER_MAX_INTERVAL_MS 30000

#define JD_TYPE_JOB_FOLLOWER (jd_job_follower_get_type ())
G_DECLARE_FINAL_TYPE (JdJobFollower, jd_job_follower, JD, JOB_FOLLOWER, GObject)

/* Whether a job in this state is worth following. */
gboolean       jd_job_follower_should_follow  (JdJob         *job);

JdJobFollower *jd_job_follower_new            (JdClient      *client,
                                               JdJob         *job);
void           jd_job_follower_set_intervals  (JdJobFollower *self,
                                               guint          min_ms,
                                               guint          max_ms);
void           jd_job_follower_start          (JdJobFollower *self);
void           jd_job_follower_stop           (JdJobFollower *self);

const char    *jd_job_follower_get_job_id     (JdJobFollower *self);
JdJob         *jd_job_follower_get_job        (JdJobFollower *self);
JdClient      *jd_job_follower_get_client     (JdJobFollower *self);
gboolean       jd_job_follower_get_following  (JdJobFollower *self);
gboolean       jd_job_follower_get_finished   (JdJobFollower *self);
/* The sentence of the last failed check, or NULL after a good one. */
const char    *jd_job_follower_get_last_error (JdJobFollower *self);
/* When the next check happens (monotonic µs), 0 when none is planned. */
gint64         jd_job_follower_get_next_check (JdJobFollower *self);
/* When the follower first saw the job running (wall clock), or NULL. */
GDateTime     *jd_job_follower_get_running_since (JdJobFollower *self);
/* Checks done, each one light request (and one with the messages when
 * they were due). */
guint          jd_job_follower_get_check_count (JdJobFollower *self);
void           jd_job_follower_set_messages_wanted (JdJobFollower *self,
                                                    gboolean       wanted);
gboolean       jd_job_follower_get_messages_wanted (JdJobFollower *self);

G_END_DECLS
