/* jd-followed-jobs.c: jobs followed until they end.
 *
 * One JdJobFollower per job ID, shared by every tab that shows the job.
 * While one follows, the application is held, so closing the last window
 * does not end the wait; when the job ends, a notification says how, with
 * a button that opens the job (app.open-job).
 */
#define G_LOG_DOMAIN "jd-followed-jobs"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-followed-jobs.h"
#include "jd-followed-jobs-private.h"

struct _JdFollowedJobs
{
  GObject       parent_instance;

  GApplication *application;     /* weak: it owns us */
  JdSession    *session;
  JdHistory    *history;
  GHashTable   *followers;       /* job ID → JdJobFollower */
  guint         min_ms;
  guint         max_ms;
  guint         notifications;
};

enum {
  FOLLOWING_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdFollowedJobs, jd_followed_jobs, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static const char *
notification_title (JdJob *job)
{
  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_CANCELLED)
    return _("Job Cancelled");

  switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)))
    {
    case JD_DISPOSITION_SUCCESS:
      return _("Job Finished Successfully");
    case JD_DISPOSITION_WARNING:
      return _("Job Finished With Warnings");
    case JD_DISPOSITION_ERROR:
      return _("Job Failed");
    case JD_DISPOSITION_CANCELLED:
      return _("Job Cancelled");
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_UNKNOWN:
    default:
      return jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_ERROR ? _("Job Failed") : _("Job Finished");
    }
}

static void
release_follower (JdFollowedJobs *self,
                  JdJobFollower  *follower)
{
  if (g_object_get_data (G_OBJECT (follower), "jd-held") == NULL)
    return;

  g_object_set_data (G_OBJECT (follower), "jd-held", NULL);
  if (self->application != NULL)
    g_application_release (self->application);
}

static void
on_follower_following_cb (JdJobFollower  *follower,
                          GParamSpec     *pspec,
                          JdFollowedJobs *self)
{
  if (jd_job_follower_get_following (follower))
    {
      if (g_object_get_data (G_OBJECT (follower), "jd-held") == NULL && self->application != NULL)
        {
          /* Closing the last window must not end the wait. */
          g_object_set_data (G_OBJECT (follower), "jd-held", GINT_TO_POINTER (TRUE));
          g_application_hold (self->application);
        }
    }
  else
    release_follower (self, follower);

  g_signal_emit (self, signals[FOLLOWING_CHANGED], 0);
}

static void
on_follower_job_cb (JdJobFollower  *follower,
                    GParamSpec     *pspec,
                    JdFollowedJobs *self)
{
  if (self->history != NULL)
    jd_history_update_job (self->history, jd_job_follower_get_job (follower));
}

static void
on_follower_finished_cb (JdJobFollower  *follower,
                         JdJob          *job,
                         JdFollowedJobs *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *notification_id = NULL;
  g_autofree char *status = jd_history_describe_job (job);
  g_autofree char *body = NULL;
  const char *id = jd_job_summary_get_id (JD_JOB_SUMMARY (job));

  if (self->application == NULL)
    return;

  /* "Completed · Warning", with the job it is about */
  body = g_strdup_printf (_("Job %s ended: %s."), id, status);

  notification = g_notification_new (notification_title (job));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-job", "s", id);
  g_notification_add_button_with_target (notification, _("Open Job"), "app.open-job", "s", id);
  if (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)) == JD_DISPOSITION_ERROR)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  notification_id = g_strconcat ("job-finished-", id, NULL);
  g_application_send_notification (self->application, notification_id, notification);
  self->notifications++;
  g_debug ("Sent the notification for job %s", id);
}

static void
forget_follower (gpointer data)
{
  JdJobFollower *follower = data;
  JdFollowedJobs *self = g_object_get_data (G_OBJECT (follower), "jd-followed-jobs");

  g_signal_handlers_disconnect_by_data (follower, self);
  jd_job_follower_stop (follower);
  release_follower (self, follower);
  g_object_unref (follower);
}

void
jd_followed_jobs_stop_all (JdFollowedJobs *self)
{
  g_return_if_fail (JD_IS_FOLLOWED_JOBS (self));

  if (g_hash_table_size (self->followers) == 0)
    return;

  g_hash_table_remove_all (self->followers);
  g_signal_emit (self, signals[FOLLOWING_CHANGED], 0);
}

GStrv
jd_followed_jobs_dup_following_ids (JdFollowedJobs *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer id, follower;

  g_return_val_if_fail (JD_IS_FOLLOWED_JOBS (self), NULL);

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, &id, &follower))
    if (jd_job_follower_get_following (follower))
      g_strv_builder_add (builder, id);

  return g_strv_builder_end (builder);
}

/* A follower that failed for lack of network waits up to 30 s before its
 * next try; with the network back, it looks at once. */
void
jd_followed_jobs_retry_failed (JdFollowedJobs *self)
{
  GHashTableIter iter;
  gpointer follower;

  g_return_if_fail (JD_IS_FOLLOWED_JOBS (self));

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, NULL, &follower))
    if (jd_job_follower_get_following (follower) && jd_job_follower_get_last_error (follower) != NULL)
      {
        jd_job_follower_stop (follower);
        jd_job_follower_start (follower);
      }
}

JdJobFollower *
jd_followed_jobs_follow (JdFollowedJobs *self,
                         JdJob          *job)
{
  JdClient *client;
  JdJobFollower *follower;

  g_return_val_if_fail (JD_IS_FOLLOWED_JOBS (self), NULL);
  g_return_val_if_fail (JD_IS_JOB (job), NULL);

  client = jd_session_get_client (self->session);
  if (client == NULL || !jd_job_follower_should_follow (job))
    return NULL;

  follower = g_hash_table_lookup (self->followers, jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  if (follower != NULL && !jd_job_follower_get_finished (follower))
    {
      jd_job_follower_start (follower);
      return follower;
    }

  follower = jd_job_follower_new (client, job);
  if (self->min_ms > 0)
    jd_job_follower_set_intervals (follower, self->min_ms, self->max_ms);
  g_object_set_data (G_OBJECT (follower), "jd-followed-jobs", self);
  g_signal_connect (follower, "notify::following", G_CALLBACK (on_follower_following_cb), self);
  g_signal_connect (follower, "notify::job", G_CALLBACK (on_follower_job_cb), self);
  g_signal_connect (follower, "finished", G_CALLBACK (on_follower_finished_cb), self);
  g_hash_table_replace (self->followers, g_strdup (jd_job_summary_get_id (JD_JOB_SUMMARY (job))), follower);

  jd_job_follower_start (follower);
  return follower;
}

JdJobFollower *
jd_followed_jobs_lookup (JdFollowedJobs *self,
                         const char     *job_id)
{
  g_return_val_if_fail (JD_IS_FOLLOWED_JOBS (self), NULL);
  return job_id != NULL ? g_hash_table_lookup (self->followers, job_id) : NULL;
}

void
jd_followed_jobs_stop (JdFollowedJobs *self,
                       const char     *job_id)
{
  JdJobFollower *follower;

  g_return_if_fail (JD_IS_FOLLOWED_JOBS (self));

  follower = jd_followed_jobs_lookup (self, job_id);
  if (follower != NULL)
    jd_job_follower_stop (follower);
}

void
jd_followed_jobs_set_intervals (JdFollowedJobs *self,
                                guint           min_ms,
                                guint           max_ms)
{
  g_return_if_fail (JD_IS_FOLLOWED_JOBS (self));
  self->min_ms = min_ms;
  self->max_ms = max_ms;
}

guint
jd_followed_jobs_get_notification_count (JdFollowedJobs *self)
{
  g_return_val_if_fail (JD_IS_FOLLOWED_JOBS (self), 0);
  return self->notifications;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_followed_jobs_dispose (GObject *object)
{
  JdFollowedJobs *self = JD_FOLLOWED_JOBS (object);

  if (self->followers != NULL)
    g_hash_table_remove_all (self->followers);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (jd_followed_jobs_parent_class)->dispose (object);
}

static void
jd_followed_jobs_finalize (GObject *object)
{
  JdFollowedJobs *self = JD_FOLLOWED_JOBS (object);

  g_clear_pointer (&self->followers, g_hash_table_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jd_followed_jobs_parent_class)->finalize (object);
}

static void
jd_followed_jobs_class_init (JdFollowedJobsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_followed_jobs_dispose;
  object_class->finalize = jd_followed_jobs_finalize;

  /**
   * JdFollowedJobs::following-changed:
   *
   * A job started or stopped being followed.
   */
  signals[FOLLOWING_CHANGED] =
    g_signal_new ("following-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jd_followed_jobs_init (JdFollowedJobs *self)
{
  self->followers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, forget_follower);
}

JdFollowedJobs *
jd_followed_jobs_new (GApplication *application,
                      JdSession    *session,
                      JdHistory    *history)
{
  JdFollowedJobs *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (JD_IS_SESSION (session), NULL);
  g_return_val_if_fail (history == NULL || JD_IS_HISTORY (history), NULL);

  self = g_object_new (JD_TYPE_FOLLOWED_JOBS, NULL);
  g_set_weak_pointer (&self->application, application);
  self->session = g_object_ref (session);
  self->history = history != NULL ? g_object_ref (history) : NULL;

  /* Followers belong to the server they were started on. */
  g_signal_connect_object (session, "notify::client", G_CALLBACK (jd_followed_jobs_stop_all), self, G_CONNECT_SWAPPED);
  return self;
}
