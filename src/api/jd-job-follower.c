/* jd-job-follower.c: keeps looking at a queued or running job until it ends.
 *
 * One check at a time, each with its own GCancellable; a stopped follower
 * cancels the check in flight and plans none. The interval doubles while
 * nothing changes, so a job that runs for hours costs a request every
 * 30 seconds, and a failing server is never hammered.
 *
 * A check is light: the job without its messages (includeMessages=false),
 * a few hundred bytes however many messages the job has. The messages
 * come (a second request in the same check) only when the state changed,
 * when the job ended, or, while someone wants them, every
 * MESSAGES_EVERY_N_CHECKS checks; never all of them on every tick.
 */
#define G_LOG_DOMAIN "jd-job-follower"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-job-follower.h"

/* While the messages are wanted, they come every this many checks. */
#define MESSAGES_EVERY_N_CHECKS 4

struct _JdJobFollower
{
  GObject       parent_instance;

  JdClient     *client;
  char         *job_id;
  JdJob        *job;
  GDateTime    *running_since;
  gboolean      running_start_unknown;  /* running when first seen, start not given */
  char         *last_error;

  guint         min_ms;
  guint         max_ms;
  guint         interval_ms;
  guint         timeout_id;
  gint64        next_check;
  GCancellable *cancellable;
  guint         checks;
  guint         since_messages;   /* light checks since the last full one */
  gboolean      messages_wanted;
  gboolean      fetching_messages;
  gboolean      following;
  gboolean      finished;
};

enum {
  PROP_0,
  PROP_JOB_ID,
  PROP_JOB,
  PROP_FOLLOWING,
  PROP_FINISHED,
  PROP_LAST_ERROR,
  PROP_NEXT_CHECK,
  PROP_RUNNING_SINCE,
  PROP_MESSAGES_WANTED,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdJobFollower, jd_job_follower, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_check (JdJobFollower *self);

gboolean
jd_job_follower_should_follow (JdJob *job)
{
  g_return_val_if_fail (JD_IS_JOB (job), FALSE);

  /* An unknown state could mean anything; following it could never end. */
  switch (jd_job_summary_get_state (JD_JOB_SUMMARY (job)))
    {
    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:
      return TRUE;

    case JD_JOB_STATE_UNKNOWN:
    case JD_JOB_STATE_COMPLETED:
    case JD_JOB_STATE_CANCELLED:
    case JD_JOB_STATE_ERROR:
    default:
      return FALSE;
    }
}

static void
set_following (JdJobFollower *self,
               gboolean       following)
{
  if (self->following == following)
    return;

  self->following = following;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
}

static void
set_last_error (JdJobFollower *self,
                const char    *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_next_check (JdJobFollower *self,
                gint64         next_check)
{
  self->next_check = next_check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_CHECK]);
}

static void
clear_timeout (JdJobFollower *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* When the job started running: seen starting, it is now; already running
 * when first seen, its creation is the best guess there is. */
static void
note_running (JdJobFollower *self,
              JdJob         *job,
              gboolean       first_sight)
{
  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) != JD_JOB_STATE_RUNNING ||
      self->running_since != NULL || self->running_start_unknown)
    return;

  /* Running when first seen: only the Server's start time says since
   * when. Its creation time does not: a job may wait in the queue for
   * months ("Running for 19303 h"); then the start stays unknown. */
  if (first_sight)
    {
      GDateTime *start = jd_job_summary_get_start_time (JD_JOB_SUMMARY (job));

      if (start == NULL)
        {
          self->running_start_unknown = TRUE;
          return;
        }
      self->running_since = g_date_time_ref (start);
    }
  else
    self->running_since = g_date_time_new_now_utc ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING_SINCE]);
}

static void
set_job (JdJobFollower *self,
         JdJob         *job)
{
  if (!g_set_object (&self->job, job))
    return;

  note_running (self, job, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

static gboolean
is_lasting (const GError *error)
{
  if (error->domain != JD_CLIENT_ERROR)
    return FALSE;

  switch ((JdClientError) error->code)
    {
    case JD_CLIENT_ERROR_INVALID_INPUT:
    case JD_CLIENT_ERROR_NOT_SIGNED_IN:
    case JD_CLIENT_ERROR_UNAUTHORIZED:
    case JD_CLIENT_ERROR_FORBIDDEN:
    case JD_CLIENT_ERROR_NOT_FOUND:
    case JD_CLIENT_ERROR_INSECURE:
    case JD_CLIENT_ERROR_TLS:
    case JD_CLIENT_ERROR_REDIRECT:
      return TRUE;

    case JD_CLIENT_ERROR_NOT_SUPPORTED:
    case JD_CLIENT_ERROR_BAD_REQUEST:
    case JD_CLIENT_ERROR_RATE_LIMITED:
    case JD_CLIENT_ERROR_SERVER:
    case JD_CLIENT_ERROR_BAD_RESPONSE:
    case JD_CLIENT_ERROR_TIMEOUT:
    case JD_CLIENT_ERROR_NETWORK:
    case JD_CLIENT_ERROR_CANCELLED:
    case JD_CLIENT_ERROR_FILE:
    default:
      return FALSE;
    }
}

static void start_request (JdJobFollower *self,
                           gboolean       with_messages);

/* A failed check: stop for good, or back off and try again. */
static void
check_failed (JdJobFollower *self,
              const GError  *error)
{
  g_debug ("Check of %s failed: %s", self->job_id, error->message);
  set_last_error (self, error->message);

  if (is_lasting (error))
    {
      set_next_check (self, 0);
      set_following (self, FALSE);
      return;
    }

  /* Back off; a 429 says how long to wait. */
  self->interval_ms = MIN (self->interval_ms * 2, self->max_ms);
  if (jd_client_error_get_retry_after (error) > 0)
    self->interval_ms = MAX (self->interval_ms, MIN (jd_client_error_get_retry_after (error) * 1000u, 300000u));
  schedule_check (self);
}

/* The job as it now is, with its messages: show it, and end or go on. */
static void
check_done (JdJobFollower *self,
            JdJob         *job,
            JdJobState     before)
{
  set_last_error (self, NULL);
  set_job (self, job);

  if (!jd_job_follower_should_follow (job))
    {
      set_next_check (self, 0);
      set_following (self, FALSE);

      if (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)) && !self->finished)
        {
          self->finished = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
          g_signal_emit (self, signals[FINISHED], 0, job);
        }
      return;
    }

  /* Something moved: look again soon. Nothing moved: a little later. */
  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) != before)
    self->interval_ms = self->min_ms;
  else
    self->interval_ms = MIN (self->interval_ms * 2, self->max_ms);

  schedule_check (self);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JdJobFollower) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  gboolean full = self->fetching_messages;
  JdJobState before;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);
  if (jd_client_error_is_cancelled (error))
    return;

  g_clear_object (&self->cancellable);
  self->fetching_messages = FALSE;

  if (job == NULL)
    {
      self->checks++;
      check_failed (self, error);
      return;
    }

  before = self->job != NULL ? jd_job_summary_get_state (JD_JOB_SUMMARY (self->job)) : JD_JOB_STATE_UNKNOWN;

  if (full)
    {
      self->checks++;
      self->since_messages = 0;
      check_done (self, job, before);
      return;
    }

  self->since_messages++;

  /* The messages are due: now the state changed or the job ended, or
   * every few checks for someone who reads them. */
  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) != before || !jd_job_follower_should_follow (job) ||
      (self->messages_wanted && self->since_messages >= MESSAGES_EVERY_N_CHECKS))
    {
      start_request (self, TRUE);
      return;
    }

  /* Nothing moved: the job shown, with its messages, stays as it is. */
  self->checks++;
  set_last_error (self, NULL);
  self->interval_ms = MIN (self->interval_ms * 2, self->max_ms);
  schedule_check (self);
}

static void
start_request (JdJobFollower *self,
               gboolean       with_messages)
{
  self->cancellable = g_cancellable_new ();
  self->fetching_messages = with_messages;
  jd_client_get_job_async (self->client, self->job_id, with_messages, self->cancellable,
                           on_checked_cb, g_object_ref (self));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  JdJobFollower *self = user_data;

  self->timeout_id = 0;
  set_next_check (self, 0);
  start_request (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (JdJobFollower *self)
{
  clear_timeout (self);
  self->timeout_id = g_timeout_add (self->interval_ms, on_timeout_cb, self);
  set_next_check (self, g_get_monotonic_time () + (gint64) self->interval_ms * 1000);
}

/* ------------------------------------------------------------------ */

static void
jd_job_follower_dispose (GObject *object)
{
  JdJobFollower *self = JD_JOB_FOLLOWER (object);

  clear_timeout (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jd_job_follower_parent_class)->dispose (object);
}

static void
jd_job_follower_finalize (GObject *object)
{
  JdJobFollower *self = JD_JOB_FOLLOWER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->job);
  g_clear_pointer (&self->running_since, g_date_time_unref);
  g_free (self->job_id);
  g_free (self->last_error);

  G_OBJECT_CLASS (jd_job_follower_parent_class)->finalize (object);
}

static void
jd_job_follower_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JdJobFollower *self = JD_JOB_FOLLOWER (object);

  switch (prop_id)
    {
    case PROP_JOB_ID:
      g_value_set_string (value, self->job_id);
      break;

    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    case PROP_FOLLOWING:
      g_value_set_boolean (value, self->following);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_NEXT_CHECK:
      g_value_set_int64 (value, self->next_check);
      break;

    case PROP_RUNNING_SINCE:
      g_value_set_boxed (value, self->running_since);
      break;

    case PROP_MESSAGES_WANTED:
      g_value_set_boolean (value, self->messages_wanted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_follower_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JdJobFollower *self = JD_JOB_FOLLOWER (object);

  switch (prop_id)
    {
    case PROP_MESSAGES_WANTED:
      jd_job_follower_set_messages_wanted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_follower_class_init (JdJobFollowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_job_follower_dispose;
  object_class->finalize = jd_job_follower_finalize;
  object_class->get_property = jd_job_follower_get_property;
  object_class->set_property = jd_job_follower_set_property;

  properties[PROP_JOB_ID] =
    g_param_spec_string ("job-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, JD_TYPE_JOB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWING] =
    g_param_spec_boolean ("following", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_CHECK] =
    g_param_spec_int64 ("next-check", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING_SINCE] =
    g_param_spec_boxed ("running-since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Someone reads the messages (the Messages view is open): they then
   * come every few checks, not only when the state changes. */
  properties[PROP_MESSAGES_WANTED] =
    g_param_spec_boolean ("messages-wanted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdJobFollower::finished:
   * @job: the job as it ended
   *
   * Emitted once, when a check finds the job completed, cancelled or failed.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JD_TYPE_JOB);
}

static void
jd_job_follower_init (JdJobFollower *self)
{
  self->min_ms = JD_JOB_FOLLOWER_MIN_INTERVAL_MS;
  self->max_ms = JD_JOB_FOLLOWER_MAX_INTERVAL_MS;
  self->interval_ms = self->min_ms;
}

JdJobFollower *
jd_job_follower_new (JdClient *client,
                     JdJob    *job)
{
  JdJobFollower *self;

  g_return_val_if_fail (JD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (JD_IS_JOB (job), NULL);

  self = g_object_new (JD_TYPE_JOB_FOLLOWER, NULL);
  self->client = g_object_ref (client);
  self->job_id = g_strdup (jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  self->job = g_object_ref (job);
  note_running (self, job, TRUE);

  return self;
}

void
jd_job_follower_set_intervals (JdJobFollower *self,
                               guint          min_ms,
                               guint          max_ms)
{
  g_return_if_fail (JD_IS_JOB_FOLLOWER (self));
  g_return_if_fail (min_ms > 0 && min_ms <= max_ms);

  self->min_ms = min_ms;
  self->max_ms = max_ms;
  self->interval_ms = CLAMP (self->interval_ms, min_ms, max_ms);
}

void
jd_job_follower_start (JdJobFollower *self)
{
  g_return_if_fail (JD_IS_JOB_FOLLOWER (self));

  if (self->following || self->finished)
    return;

  self->interval_ms = self->min_ms;
  set_last_error (self, NULL);
  set_following (self, TRUE);
  schedule_check (self);
}

void
jd_job_follower_stop (JdJobFollower *self)
{
  g_return_if_fail (JD_IS_JOB_FOLLOWER (self));

  clear_timeout (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_next_check (self, 0);
  set_following (self, FALSE);
}

const char *
jd_job_follower_get_job_id (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), NULL);
  return self->job_id;
}

JdJob *
jd_job_follower_get_job (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), NULL);
  return self->job;
}

JdClient *
jd_job_follower_get_client (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), NULL);
  return self->client;
}

gboolean
jd_job_follower_get_following (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), FALSE);
  return self->following;
}

gboolean
jd_job_follower_get_finished (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), FALSE);
  return self->finished;
}

const char *
jd_job_follower_get_last_error (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), NULL);
  return self->last_error;
}

gint64
jd_job_follower_get_next_check (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), 0);
  return self->next_check;
}

GDateTime *
jd_job_follower_get_running_since (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), NULL);
  return self->running_since;
}

guint
jd_job_follower_get_check_count (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), 0);
  return self->checks;
}

void
jd_job_follower_set_messages_wanted (JdJobFollower *self,
                                     gboolean       wanted)
{
  g_return_if_fail (JD_IS_JOB_FOLLOWER (self));

  wanted = !!wanted;
  if (self->messages_wanted == wanted)
    return;

  self->messages_wanted = wanted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGES_WANTED]);
}

gboolean
jd_job_follower_get_messages_wanted (JdJobFollower *self)
{
  g_return_val_if_fail (JD_IS_JOB_FOLLOWER (self), FALSE);
  return self->messages_wanted;
}
