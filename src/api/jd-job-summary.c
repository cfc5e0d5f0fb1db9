/* jd-job-summary.c: what every view of a job tells (WorkflowJobView,
 * PagedJobSummaryView, and the head of a JobView, which JdJob adds to). */
#define G_LOG_DOMAIN "jd-job-summary"

#include "config.h"

#include <string.h>

#include "jd-api-enums.h"
#include "jd-fields-private.h"
#include "jd-job-summary-private.h"

typedef struct
{
  char      *id;
  GDateTime *created;
  char      *status;
  char      *disposition;
  char      *priority;
  char      *worker_tag;
  char      *workflow_name;
  char      *workflow_id;
  char      *submitted_by;
  GDateTime *queue_time;
  GDateTime *start_time;
  double     execution_time;       /* seconds; -1: not given or unreadable */
  char      *execution_time_text;

  guint      has_run_with_e2 : 1;
  guint      run_with_e2 : 1;
} JdJobSummaryPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_STATUS,
  PROP_STATE,
  PROP_DISPOSITION,
  PROP_DISPOSITION_KIND,
  PROP_PRIORITY,
  PROP_WORKER_TAG,
  PROP_HAS_RUN_WITH_E2,
  PROP_RUN_WITH_E2,
  PROP_WORKFLOW_NAME,
  PROP_WORKFLOW_ID,
  PROP_SUBMITTED_BY,
  PROP_QUEUE_TIME,
  PROP_START_TIME,
  PROP_EXECUTION_TIME,
  PROP_EXECUTION_TIME_TEXT,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (JdJobSummary, jd_job_summary, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Compares without regard to case or surrounding white space. */
static gboolean
open_value_equal (const char *value,
                  const char *known)
{
  gsize known_length = strlen (known);

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_strncasecmp (value, known, known_length) != 0)
    return FALSE;

  for (value += known_length; *value != '\0'; value++)
    {
      if (!g_ascii_isspace (*value))
        return FALSE;
    }

  return TRUE;
}

static void
jd_job_summary_finalize (GObject *object)
{
  JdJobSummary *self = (JdJobSummary *)object;
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->created, g_date_time_unref);
  g_clear_pointer (&priv->status, g_free);
  g_clear_pointer (&priv->disposition, g_free);
  g_clear_pointer (&priv->priority, g_free);
  g_clear_pointer (&priv->worker_tag, g_free);
  g_clear_pointer (&priv->workflow_name, g_free);
  g_clear_pointer (&priv->workflow_id, g_free);
  g_clear_pointer (&priv->submitted_by, g_free);
  g_clear_pointer (&priv->queue_time, g_date_time_unref);
  g_clear_pointer (&priv->start_time, g_date_time_unref);
  g_clear_pointer (&priv->execution_time_text, g_free);

  G_OBJECT_CLASS (jd_job_summary_parent_class)->finalize (object);
}

static void
jd_job_summary_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdJobSummary *self = JD_JOB_SUMMARY (object);
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, priv->created);
      break;

    case PROP_STATUS:
      g_value_set_string (value, priv->status);
      break;

    case PROP_STATE:
      g_value_set_enum (value, jd_job_summary_get_state (self));
      break;

    case PROP_DISPOSITION:
      g_value_set_string (value, priv->disposition);
      break;

    case PROP_DISPOSITION_KIND:
      g_value_set_enum (value, jd_job_summary_get_disposition_kind (self));
      break;

    case PROP_PRIORITY:
      g_value_set_string (value, priv->priority);
      break;

    case PROP_WORKER_TAG:
      g_value_set_string (value, priv->worker_tag);
      break;

    case PROP_HAS_RUN_WITH_E2:
      g_value_set_boolean (value, priv->has_run_with_e2);
      break;

    case PROP_RUN_WITH_E2:
      g_value_set_boolean (value, priv->run_with_e2);
      break;

    case PROP_WORKFLOW_NAME:
      g_value_set_string (value, priv->workflow_name);
      break;

    case PROP_WORKFLOW_ID:
      g_value_set_string (value, priv->workflow_id);
      break;

    case PROP_SUBMITTED_BY:
      g_value_set_string (value, priv->submitted_by);
      break;

    case PROP_QUEUE_TIME:
      g_value_set_boxed (value, priv->queue_time);
      break;

    case PROP_START_TIME:
      g_value_set_boxed (value, priv->start_time);
      break;

    case PROP_EXECUTION_TIME:
      g_value_set_double (value, priv->execution_time);
      break;

    case PROP_EXECUTION_TIME_TEXT:
      g_value_set_string (value, priv->execution_time_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_summary_class_init (JdJobSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_job_summary_finalize;
  object_class->get_property = jd_job_summary_get_property;

  /* given once, when the job is made (jd_job_summary_new (), jd_job_new ());
   * read-only like every other property: the UI reads jobs, never writes */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_JOB_STATE,
                       JD_JOB_STATE_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* WorkflowJobView has none; some Servers add it */
  properties[PROP_DISPOSITION] =
    g_param_spec_string ("disposition", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPOSITION_KIND] =
    g_param_spec_enum ("disposition-kind", NULL, NULL,
                       JD_TYPE_DISPOSITION,
                       JD_DISPOSITION_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRIORITY] =
    g_param_spec_string ("priority", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKER_TAG] =
    g_param_spec_string ("worker-tag", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_RUN_WITH_E2] =
    g_param_spec_boolean ("has-run-with-e2", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_WITH_E2] =
    g_param_spec_boolean ("run-with-e2", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Only GET /v3/jobs (PagedJobSummaryView) gives these. */
  properties[PROP_WORKFLOW_NAME] =
    g_param_spec_string ("workflow-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKFLOW_ID] =
    g_param_spec_string ("workflow-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBMITTED_BY] =
    g_param_spec_string ("submitted-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* when the job entered the queue */
  properties[PROP_QUEUE_TIME] =
    g_param_spec_boxed ("queue-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* when a worker started it; NULL while it waits */
  properties[PROP_START_TIME] =
    g_param_spec_boxed ("start-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* how long it ran, in seconds; -1 when not given or not readable */
  properties[PROP_EXECUTION_TIME] =
    g_param_spec_double ("execution-time", NULL, NULL,
                         -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* the Server's own text of it, e.g. "00:05:12.4810000" */
  properties[PROP_EXECUTION_TIME_TEXT] =
    g_param_spec_string ("execution-time-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_job_summary_init (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  priv->execution_time = -1;
}

/**
 * jd_job_summary_new:
 * @id: the job's ID
 *
 * Returns: (transfer full): a new summary with every other field "not given"
 */
JdJobSummary *
jd_job_summary_new (const char *id)
{
  JdJobSummary *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (JD_TYPE_JOB_SUMMARY, NULL);
  jd_job_summary_set_id (self, id);

  return self;
}

const char *
jd_job_summary_get_id (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->id;
}

/**
 * jd_job_summary_get_created:
 * @self: a #JdJobSummary
 *
 * Returns: (transfer none) (nullable): when the job was created
 */
GDateTime *
jd_job_summary_get_created (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->created;
}

const char *
jd_job_summary_get_status (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->status;
}

JdJobState
jd_job_summary_get_state (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), JD_JOB_STATE_UNKNOWN);

  return jd_job_state_from_string (priv->status);
}

const char *
jd_job_summary_get_disposition (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->disposition;
}

JdDisposition
jd_job_summary_get_disposition_kind (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), JD_DISPOSITION_UNKNOWN);

  return jd_disposition_from_string (priv->disposition);
}

const char *
jd_job_summary_get_priority (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->priority;
}

const char *
jd_job_summary_get_worker_tag (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->worker_tag;
}

gboolean
jd_job_summary_get_has_run_with_e2 (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), FALSE);

  return priv->has_run_with_e2;
}

gboolean
jd_job_summary_get_run_with_e2 (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), FALSE);

  return priv->run_with_e2;
}

const char *
jd_job_summary_get_workflow_name (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->workflow_name;
}

const char *
jd_job_summary_get_workflow_id (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->workflow_id;
}

const char *
jd_job_summary_get_submitted_by (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->submitted_by;
}

/**
 * jd_job_summary_get_queue_time:
 * @self: a #JdJobSummary
 *
 * Returns: (transfer none) (nullable): when the job entered the queue
 */
GDateTime *
jd_job_summary_get_queue_time (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->queue_time;
}

/**
 * jd_job_summary_get_start_time:
 * @self: a #JdJobSummary
 *
 * Returns: (transfer none) (nullable): when a worker started the job;
 *   %NULL while it waits, or when the Server does not say
 */
GDateTime *
jd_job_summary_get_start_time (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->start_time;
}

double
jd_job_summary_get_execution_time (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), -1);

  return priv->execution_time;
}

const char *
jd_job_summary_get_execution_time_text (JdJobSummary *self)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), NULL);

  return priv->execution_time_text;
}

/* For the constructors: the ID is given once, right after g_object_new (). */
void
jd_job_summary_set_id (JdJobSummary *self,
                       const char   *id)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));
  g_return_if_fail (id != NULL);

  jd_set_string_field (self, &priv->id, id, properties[PROP_ID]);
}

void
jd_job_summary_set_created (JdJobSummary *self,
                            GDateTime    *created)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_date_field (self, &priv->created, created, properties[PROP_CREATED]);
}

/**
 * jd_job_summary_update_from:
 * @self: a summary shown in a list
 * @newer: what a later answer about the same job said (e.g. the job
 *   itself, looked up when its row was opened)
 *
 * Takes the status and result that @newer knows over those of @self, so
 * that a list row fills in a result its own endpoint never gave. What
 * @newer does not know is kept.
 */
void
jd_job_summary_update_from (JdJobSummary *self,
                            JdJobSummary *newer)
{
  g_return_if_fail (JD_IS_JOB_SUMMARY (self));
  g_return_if_fail (JD_IS_JOB_SUMMARY (newer));

  if (jd_job_summary_get_status (newer) != NULL)
    jd_job_summary_set_status (self, jd_job_summary_get_status (newer));
  if (jd_job_summary_get_disposition (newer) != NULL)
    jd_job_summary_set_disposition (self, jd_job_summary_get_disposition (newer));
}

void
jd_job_summary_set_status (JdJobSummary *self,
                           const char   *status)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);
  JdJobState old_state;

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  old_state = jd_job_summary_get_state (self);
  jd_set_string_field (self, &priv->status, status, properties[PROP_STATUS]);

  if (jd_job_summary_get_state (self) != old_state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
jd_job_summary_set_disposition (JdJobSummary *self,
                                const char   *disposition)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);
  JdDisposition old_kind;

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  old_kind = jd_job_summary_get_disposition_kind (self);
  jd_set_string_field (self, &priv->disposition, disposition, properties[PROP_DISPOSITION]);

  if (jd_job_summary_get_disposition_kind (self) != old_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPOSITION_KIND]);
}

void
jd_job_summary_set_priority (JdJobSummary *self,
                             const char   *priority)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_string_field (self, &priv->priority, priority, properties[PROP_PRIORITY]);
}

void
jd_job_summary_set_worker_tag (JdJobSummary *self,
                               const char   *worker_tag)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_string_field (self, &priv->worker_tag, worker_tag, properties[PROP_WORKER_TAG]);
}

void
jd_job_summary_set_run_with_e2 (JdJobSummary *self,
                                gboolean      run_with_e2)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  run_with_e2 = !!run_with_e2;

  if (!priv->has_run_with_e2)
    {
      priv->has_run_with_e2 = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RUN_WITH_E2]);
    }

  if (priv->run_with_e2 != (guint)run_with_e2)
    {
      priv->run_with_e2 = run_with_e2;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_WITH_E2]);
    }
}

void
jd_job_summary_set_workflow_name (JdJobSummary *self,
                                  const char   *name)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_string_field (self, &priv->workflow_name, name, properties[PROP_WORKFLOW_NAME]);
}

void
jd_job_summary_set_workflow_id (JdJobSummary *self,
                                const char   *workflow_id)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_string_field (self, &priv->workflow_id, workflow_id, properties[PROP_WORKFLOW_ID]);
}

void
jd_job_summary_set_submitted_by (JdJobSummary *self,
                                 const char   *submitted_by)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_string_field (self, &priv->submitted_by, submitted_by, properties[PROP_SUBMITTED_BY]);
}

void
jd_job_summary_set_queue_time (JdJobSummary *self,
                               GDateTime    *queue_time)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_date_field (self, &priv->queue_time, queue_time, properties[PROP_QUEUE_TIME]);
}

void
jd_job_summary_set_start_time (JdJobSummary *self,
                               GDateTime    *start_time)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  jd_set_date_field (self, &priv->start_time, start_time, properties[PROP_START_TIME]);
}

/**
 * jd_job_summary_set_execution_time:
 * @self: a #JdJobSummary
 * @text: (nullable): the Server's text, e.g. "00:05:12" or "PT5M12S"
 * @seconds: what it means in seconds, or a negative number when it could
 *   not be read
 */
void
jd_job_summary_set_execution_time (JdJobSummary *self,
                                   const char   *text,
                                   double        seconds)
{
  JdJobSummaryPrivate *priv = jd_job_summary_get_instance_private (self);

  g_return_if_fail (JD_IS_JOB_SUMMARY (self));

  if (seconds < 0)
    seconds = -1;

  jd_set_string_field (self, &priv->execution_time_text, text, properties[PROP_EXECUTION_TIME_TEXT]);

  if (priv->execution_time != seconds)
    {
      priv->execution_time = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTION_TIME]);
    }
}

/**
 * jd_job_summary_is_finished:
 * @self: a #JdJobSummary
 *
 * Returns: whether the job has ended (completed, cancelled or failed),
 *   so looking again will not change it
 */
gboolean
jd_job_summary_is_finished (JdJobSummary *self)
{
  g_return_val_if_fail (JD_IS_JOB_SUMMARY (self), FALSE);

  switch (jd_job_summary_get_state (self))
    {
    case JD_JOB_STATE_COMPLETED:
    case JD_JOB_STATE_CANCELLED:
    case JD_JOB_STATE_ERROR:
      return TRUE;

    case JD_JOB_STATE_UNKNOWN:
    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:
    default:
      return FALSE;
    }
}

/**
 * jd_job_state_from_string:
 * @status: (nullable): a job status as the Server gives it
 *
 * "Complete" and "Completed" are the same; case and surrounding white
 * space do not matter.
 *
 * Returns: the state, or %JD_JOB_STATE_UNKNOWN
 */
JdJobState
jd_job_state_from_string (const char *status)
{
  static const struct {
    const char *name;
    JdJobState  state;
  } states[] = {
    { "Created", JD_JOB_STATE_CREATED },
    { "Queued", JD_JOB_STATE_QUEUED },
    { "Initializing", JD_JOB_STATE_INITIALIZING },
    { "Running", JD_JOB_STATE_RUNNING },
    { "Completed", JD_JOB_STATE_COMPLETED },
    { "Complete", JD_JOB_STATE_COMPLETED },
    { "Cancelled", JD_JOB_STATE_CANCELLED },
    { "Canceled", JD_JOB_STATE_CANCELLED },
    { "Error", JD_JOB_STATE_ERROR },
  };

  if (status == NULL)
    return JD_JOB_STATE_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (open_value_equal (status, states[i].name))
        return states[i].state;
    }

  return JD_JOB_STATE_UNKNOWN;
}

/**
 * jd_disposition_from_string:
 * @disposition: (nullable): a disposition as the Server gives it
 *
 * Returns: the kind, or %JD_DISPOSITION_UNKNOWN
 */
JdDisposition
jd_disposition_from_string (const char *disposition)
{
  static const struct {
    const char    *name;
    JdDisposition  kind;
  } kinds[] = {
    { "None", JD_DISPOSITION_NONE },
    { "Success", JD_DISPOSITION_SUCCESS },
    { "Warning", JD_DISPOSITION_WARNING },
    { "Error", JD_DISPOSITION_ERROR },
    { "Cancelled", JD_DISPOSITION_CANCELLED },
    { "Canceled", JD_DISPOSITION_CANCELLED },
  };

  if (disposition == NULL)
    return JD_DISPOSITION_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (open_value_equal (disposition, kinds[i].name))
        return kinds[i].kind;
    }

  return JD_DISPOSITION_UNKNOWN;
}
