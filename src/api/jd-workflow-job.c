/* jd-workflow-job.c: one row of a job list: a WorkflowJobView of a
 * workflow's jobs, or a PagedJobSummaryView of GET /v3/jobs. */
#define G_LOG_DOMAIN "jd-workflow-job"

#include "config.h"

#include "jd-api-enums.h"
#include "jd-workflow-job.h"

struct _JdWorkflowJob
{
  GObject    parent_instance;

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
};

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

G_DEFINE_FINAL_TYPE (JdWorkflowJob, jd_workflow_job, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Replaces *field and notifies pspec, if the value really changes. */
static void
set_string_field (JdWorkflowJob  *self,
                  char          **field,
                  const char     *value,
                  GParamSpec     *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* The same for a date. */
static void
set_date_field (JdWorkflowJob  *self,
                GDateTime     **field,
                GDateTime      *value,
                GParamSpec     *pspec)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
jd_workflow_job_finalize (GObject *object)
{
  JdWorkflowJob *self = (JdWorkflowJob *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->disposition, g_free);
  g_clear_pointer (&self->priority, g_free);
  g_clear_pointer (&self->worker_tag, g_free);
  g_clear_pointer (&self->workflow_name, g_free);
  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->submitted_by, g_free);
  g_clear_pointer (&self->queue_time, g_date_time_unref);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->execution_time_text, g_free);

  G_OBJECT_CLASS (jd_workflow_job_parent_class)->finalize (object);
}

static void
jd_workflow_job_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JdWorkflowJob *self = JD_WORKFLOW_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATE:
      g_value_set_enum (value, jd_workflow_job_get_state (self));
      break;

    case PROP_DISPOSITION:
      g_value_set_string (value, self->disposition);
      break;

    case PROP_DISPOSITION_KIND:
      g_value_set_enum (value, jd_workflow_job_get_disposition_kind (self));
      break;

    case PROP_PRIORITY:
      g_value_set_string (value, self->priority);
      break;

    case PROP_WORKER_TAG:
      g_value_set_string (value, self->worker_tag);
      break;

    case PROP_HAS_RUN_WITH_E2:
      g_value_set_boolean (value, self->has_run_with_e2);
      break;

    case PROP_RUN_WITH_E2:
      g_value_set_boolean (value, self->run_with_e2);
      break;

    case PROP_WORKFLOW_NAME:
      g_value_set_string (value, self->workflow_name);
      break;

    case PROP_WORKFLOW_ID:
      g_value_set_string (value, self->workflow_id);
      break;

    case PROP_SUBMITTED_BY:
      g_value_set_string (value, self->submitted_by);
      break;

    case PROP_QUEUE_TIME:
      g_value_set_boxed (value, self->queue_time);
      break;

    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;

    case PROP_EXECUTION_TIME:
      g_value_set_double (value, self->execution_time);
      break;

    case PROP_EXECUTION_TIME_TEXT:
      g_value_set_string (value, self->execution_time_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_workflow_job_class_init (JdWorkflowJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_workflow_job_finalize;
  object_class->get_property = jd_workflow_job_get_property;

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
jd_workflow_job_init (JdWorkflowJob *self)
{
  self->execution_time = -1;
}

/**
 * jd_workflow_job_new:
 * @id: the job's ID
 *
 * Returns: (transfer full): a new row with every other field "not given"
 */
JdWorkflowJob *
jd_workflow_job_new (const char *id)
{
  JdWorkflowJob *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (JD_TYPE_WORKFLOW_JOB, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
jd_workflow_job_get_id (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->id;
}

/**
 * jd_workflow_job_get_created:
 * @self: a #JdWorkflowJob
 *
 * Returns: (transfer none) (nullable): when the job was created
 */
GDateTime *
jd_workflow_job_get_created (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->created;
}

const char *
jd_workflow_job_get_status (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->status;
}

JdJobState
jd_workflow_job_get_state (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), JD_JOB_STATE_UNKNOWN);

  return jd_job_state_from_string (self->status);
}

const char *
jd_workflow_job_get_disposition (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->disposition;
}

JdDisposition
jd_workflow_job_get_disposition_kind (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), JD_DISPOSITION_UNKNOWN);

  return jd_disposition_from_string (self->disposition);
}

const char *
jd_workflow_job_get_priority (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->priority;
}

const char *
jd_workflow_job_get_worker_tag (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->worker_tag;
}

gboolean
jd_workflow_job_get_has_run_with_e2 (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), FALSE);

  return self->has_run_with_e2;
}

gboolean
jd_workflow_job_get_run_with_e2 (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), FALSE);

  return self->run_with_e2;
}

const char *
jd_workflow_job_get_workflow_name (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->workflow_name;
}

const char *
jd_workflow_job_get_workflow_id (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->workflow_id;
}

const char *
jd_workflow_job_get_submitted_by (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->submitted_by;
}

/**
 * jd_workflow_job_get_queue_time:
 * @self: a #JdWorkflowJob
 *
 * Returns: (transfer none) (nullable): when the job entered the queue
 */
GDateTime *
jd_workflow_job_get_queue_time (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->queue_time;
}

/**
 * jd_workflow_job_get_start_time:
 * @self: a #JdWorkflowJob
 *
 * Returns: (transfer none) (nullable): when a worker started the job;
 *   %NULL while it waits, or when the Server does not say
 */
GDateTime *
jd_workflow_job_get_start_time (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->start_time;
}

double
jd_workflow_job_get_execution_time (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), -1);

  return self->execution_time;
}

const char *
jd_workflow_job_get_execution_time_text (JdWorkflowJob *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_JOB (self), NULL);

  return self->execution_time_text;
}

void
jd_workflow_job_set_created (JdWorkflowJob *self,
                             GDateTime     *created)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_date_field (self, &self->created, created, properties[PROP_CREATED]);
}

void
jd_workflow_job_set_status (JdWorkflowJob *self,
                            const char    *status)
{
  JdJobState old_state;

  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  old_state = jd_workflow_job_get_state (self);
  set_string_field (self, &self->status, status, properties[PROP_STATUS]);

  if (jd_workflow_job_get_state (self) != old_state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
jd_workflow_job_set_disposition (JdWorkflowJob *self,
                                 const char    *disposition)
{
  JdDisposition old_kind;

  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  old_kind = jd_workflow_job_get_disposition_kind (self);
  set_string_field (self, &self->disposition, disposition, properties[PROP_DISPOSITION]);

  if (jd_workflow_job_get_disposition_kind (self) != old_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPOSITION_KIND]);
}

void
jd_workflow_job_set_priority (JdWorkflowJob *self,
                              const char    *priority)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_string_field (self, &self->priority, priority, properties[PROP_PRIORITY]);
}

void
jd_workflow_job_set_worker_tag (JdWorkflowJob *self,
                                const char    *worker_tag)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_string_field (self, &self->worker_tag, worker_tag, properties[PROP_WORKER_TAG]);
}

void
jd_workflow_job_set_run_with_e2 (JdWorkflowJob *self,
                                 gboolean       run_with_e2)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  run_with_e2 = !!run_with_e2;

  if (!self->has_run_with_e2)
    {
      self->has_run_with_e2 = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RUN_WITH_E2]);
    }

  if (self->run_with_e2 != (guint)run_with_e2)
    {
      self->run_with_e2 = run_with_e2;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_WITH_E2]);
    }
}

void
jd_workflow_job_set_workflow_name (JdWorkflowJob *self,
                                   const char    *name)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_string_field (self, &self->workflow_name, name, properties[PROP_WORKFLOW_NAME]);
}

void
jd_workflow_job_set_workflow_id (JdWorkflowJob *self,
                                 const char    *workflow_id)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_string_field (self, &self->workflow_id, workflow_id, properties[PROP_WORKFLOW_ID]);
}

void
jd_workflow_job_set_submitted_by (JdWorkflowJob *self,
                                  const char    *submitted_by)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_string_field (self, &self->submitted_by, submitted_by, properties[PROP_SUBMITTED_BY]);
}

void
jd_workflow_job_set_queue_time (JdWorkflowJob *self,
                                GDateTime     *queue_time)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_date_field (self, &self->queue_time, queue_time, properties[PROP_QUEUE_TIME]);
}

void
jd_workflow_job_set_start_time (JdWorkflowJob *self,
                                GDateTime     *start_time)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  set_date_field (self, &self->start_time, start_time, properties[PROP_START_TIME]);
}

/**
 * jd_workflow_job_set_execution_time:
 * @self: a #JdWorkflowJob
 * @text: (nullable): the Server's text, e.g. "00:05:12" or "PT5M12S"
 * @seconds: what it means in seconds, or a negative number when it could
 *   not be read
 */
void
jd_workflow_job_set_execution_time (JdWorkflowJob *self,
                                    const char    *text,
                                    double         seconds)
{
  g_return_if_fail (JD_IS_WORKFLOW_JOB (self));

  if (seconds < 0)
    seconds = -1;

  set_string_field (self, &self->execution_time_text, text, properties[PROP_EXECUTION_TIME_TEXT]);

  if (self->execution_time != seconds)
    {
      self->execution_time = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTION_TIME]);
    }
}
