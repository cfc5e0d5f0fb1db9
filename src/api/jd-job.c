/* jd-job.c: one Alteryx Server job (JobView), with its outputs and messages. */
#define G_LOG_DOMAIN "jd-job"

#include "config.h"

#include <string.h>

#include "jd-api-enums.h"
#include "jd-job-output.h"
#include "jd-job-private.h"
#include "jd-message-list.h"

struct _JdJob
{
  GObject     parent_instance;

  char       *id;
  char       *app_id;
  GDateTime  *created;
  char       *status;
  char       *disposition;
  char       *priority;
  char       *worker_tag;
  GListModel *outputs;
  GListModel *messages;
  /* The Server's own answer, for "Copy as JSON"; not parsed again. */
  GBytes     *raw_json;
  guint       n_unreadable_outputs;

  guint       has_run_with_e2 : 1;
  guint       run_with_e2 : 1;
  guint       messages_included : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_APP_ID,
  PROP_CREATED,
  PROP_STATUS,
  PROP_STATE,
  PROP_DISPOSITION,
  PROP_DISPOSITION_KIND,
  PROP_PRIORITY,
  PROP_WORKER_TAG,
  PROP_HAS_RUN_WITH_E2,
  PROP_RUN_WITH_E2,
  PROP_OUTPUTS,
  PROP_MESSAGES,
  PROP_MESSAGES_INCLUDED,
  PROP_N_UNREADABLE_OUTPUTS,
  PROP_N_UNREADABLE_MESSAGES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdJob, jd_job, G_TYPE_OBJECT)

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

/* Replaces *field and notifies pspec, if the value really changes. */
static void
set_string_field (JdJob       *self,
                  char       **field,
                  const char  *value,
                  GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
jd_job_dispose (GObject *object)
{
  JdJob *self = (JdJob *)object;

  g_clear_object (&self->outputs);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (jd_job_parent_class)->dispose (object);
}

static void
jd_job_finalize (GObject *object)
{
  JdJob *self = (JdJob *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->app_id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->disposition, g_free);
  g_clear_pointer (&self->priority, g_free);
  g_clear_pointer (&self->worker_tag, g_free);
  g_clear_pointer (&self->raw_json, g_bytes_unref);

  G_OBJECT_CLASS (jd_job_parent_class)->finalize (object);
}

static void
jd_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  JdJob *self = JD_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATE:
      g_value_set_enum (value, jd_job_get_state (self));
      break;

    case PROP_DISPOSITION:
      g_value_set_string (value, self->disposition);
      break;

    case PROP_DISPOSITION_KIND:
      g_value_set_enum (value, jd_job_get_disposition_kind (self));
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

    case PROP_OUTPUTS:
      g_value_set_object (value, self->outputs);
      break;

    case PROP_MESSAGES:
      g_value_set_object (value, self->messages);
      break;

    case PROP_MESSAGES_INCLUDED:
      g_value_set_boolean (value, self->messages_included);
      break;

    case PROP_N_UNREADABLE_OUTPUTS:
      g_value_set_uint (value, self->n_unreadable_outputs);
      break;

    case PROP_N_UNREADABLE_MESSAGES:
      g_value_set_uint (value, jd_job_get_n_unreadable_messages (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_class_init (JdJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_job_dispose;
  object_class->finalize = jd_job_finalize;
  object_class->get_property = jd_job_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* the Server's word, shown as it is when we do not know it */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_JOB_STATE,
                       JD_JOB_STATE_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

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

  /* FALSE when the Server did not say whether the job ran with AMP (E2) */
  properties[PROP_HAS_RUN_WITH_E2] =
    g_param_spec_boolean ("has-run-with-e2", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_WITH_E2] =
    g_param_spec_boolean ("run-with-e2", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* a GListModel of JdJobOutput, never NULL */
  properties[PROP_OUTPUTS] =
    g_param_spec_object ("outputs", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* a GListModel of JdJobMessage, never NULL */
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* FALSE when the answer carried no messages (includeMessages=false):
   * an empty list then means "not asked", not "none" */
  properties[PROP_MESSAGES_INCLUDED] =
    g_param_spec_boolean ("messages-included", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* elements of the Server's "outputs" that could not be read (not
   * objects, or with neither an ID nor a file name): not in outputs */
  properties[PROP_N_UNREADABLE_OUTPUTS] =
    g_param_spec_uint ("n-unreadable-outputs", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* the same for the messages, as their JdMessageList counted them */
  properties[PROP_N_UNREADABLE_MESSAGES] =
    g_param_spec_uint ("n-unreadable-messages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_job_init (JdJob *self)
{
  self->outputs = G_LIST_MODEL (g_list_store_new (JD_TYPE_JOB_OUTPUT));
  self->messages = G_LIST_MODEL (jd_message_list_new ());
}

/**
 * jd_job_new:
 * @id: the job's ID
 *
 * Returns: (transfer full): a new job with every other field "not given"
 */
JdJob *
jd_job_new (const char *id)
{
  JdJob *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (JD_TYPE_JOB, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
jd_job_get_id (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->id;
}

const char *
jd_job_get_app_id (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->app_id;
}

/**
 * jd_job_get_created:
 * @self: a #JdJob
 *
 * Returns: (transfer none) (nullable): when the job was created
 */
GDateTime *
jd_job_get_created (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->created;
}

const char *
jd_job_get_status (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->status;
}

JdJobState
jd_job_get_state (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), JD_JOB_STATE_UNKNOWN);

  return jd_job_state_from_string (self->status);
}

const char *
jd_job_get_disposition (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->disposition;
}

JdDisposition
jd_job_get_disposition_kind (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), JD_DISPOSITION_UNKNOWN);

  return jd_disposition_from_string (self->disposition);
}

const char *
jd_job_get_priority (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->priority;
}

const char *
jd_job_get_worker_tag (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->worker_tag;
}

gboolean
jd_job_get_has_run_with_e2 (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), FALSE);

  return self->has_run_with_e2;
}

gboolean
jd_job_get_run_with_e2 (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), FALSE);

  return self->run_with_e2;
}

/**
 * jd_job_get_outputs:
 * @self: a #JdJob
 *
 * Returns: (transfer none): a #GListModel of #JdJobOutput
 */
GListModel *
jd_job_get_outputs (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->outputs;
}

/**
 * jd_job_get_messages:
 * @self: a #JdJob
 *
 * Returns: (transfer none): a #GListModel of #JdJobMessage
 */
GListModel *
jd_job_get_messages (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->messages;
}

gboolean
jd_job_get_messages_included (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), FALSE);

  return self->messages_included;
}

/**
 * jd_job_set_messages:
 * @self: a #JdJob
 * @messages: (nullable): a #GListModel of #JdJobMessage
 *
 * Replaces the messages, as when they came from the Curator messages
 * endpoint; the job then counts its messages as included. %NULL goes back
 * to an empty list that was not included.
 */
void
jd_job_set_messages (JdJob      *self,
                     GListModel *messages)
{
  gboolean included = messages != NULL;
  guint old_unreadable;

  g_return_if_fail (JD_IS_JOB (self));
  g_return_if_fail (messages == NULL || G_IS_LIST_MODEL (messages));
  g_return_if_fail (messages == NULL ||
                    g_type_is_a (g_list_model_get_item_type (messages), JD_TYPE_JOB_MESSAGE));

  /* NULL while the default empty list is in place changes nothing */
  if (messages == NULL && !self->messages_included)
    return;

  old_unreadable = jd_job_get_n_unreadable_messages (self);

  if (messages != self->messages)
    {
      g_clear_object (&self->messages);

      if (messages != NULL)
        self->messages = g_object_ref (messages);
      else
        self->messages = G_LIST_MODEL (jd_message_list_new ());

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGES]);
    }

  if (self->messages_included != included)
    {
      self->messages_included = included;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGES_INCLUDED]);
    }

  if (jd_job_get_n_unreadable_messages (self) != old_unreadable)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREADABLE_MESSAGES]);
}

/**
 * jd_job_is_finished:
 * @self: a #JdJob
 *
 * Returns: whether the job has ended (completed, cancelled or failed),
 *   so looking again will not change it
 */
gboolean
jd_job_is_finished (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), FALSE);

  switch (jd_job_get_state (self))
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

/* Setters for the readers (jd-job-private.h). */

void
jd_job_set_app_id (JdJob      *self,
                   const char *app_id)
{
  g_return_if_fail (JD_IS_JOB (self));

  set_string_field (self, &self->app_id, app_id, properties[PROP_APP_ID]);
}

void
jd_job_set_created (JdJob     *self,
                    GDateTime *created)
{
  g_return_if_fail (JD_IS_JOB (self));

  if (self->created == created ||
      (self->created != NULL && created != NULL && g_date_time_equal (self->created, created)))
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  if (created != NULL)
    self->created = g_date_time_ref (created);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

void
jd_job_set_status (JdJob      *self,
                   const char *status)
{
  JdJobState old_state;

  g_return_if_fail (JD_IS_JOB (self));

  old_state = jd_job_get_state (self);
  set_string_field (self, &self->status, status, properties[PROP_STATUS]);

  if (jd_job_get_state (self) != old_state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
jd_job_set_disposition (JdJob      *self,
                        const char *disposition)
{
  JdDisposition old_kind;

  g_return_if_fail (JD_IS_JOB (self));

  old_kind = jd_job_get_disposition_kind (self);
  set_string_field (self, &self->disposition, disposition, properties[PROP_DISPOSITION]);

  if (jd_job_get_disposition_kind (self) != old_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPOSITION_KIND]);
}

void
jd_job_set_priority (JdJob      *self,
                     const char *priority)
{
  g_return_if_fail (JD_IS_JOB (self));

  set_string_field (self, &self->priority, priority, properties[PROP_PRIORITY]);
}

void
jd_job_set_worker_tag (JdJob      *self,
                       const char *worker_tag)
{
  g_return_if_fail (JD_IS_JOB (self));

  set_string_field (self, &self->worker_tag, worker_tag, properties[PROP_WORKER_TAG]);
}

void
jd_job_set_run_with_e2 (JdJob    *self,
                        gboolean  run_with_e2)
{
  g_return_if_fail (JD_IS_JOB (self));

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

/**
 * jd_job_set_outputs:
 * @self: a #JdJob
 * @outputs: (nullable): a #GListModel of #JdJobOutput; %NULL for none
 */
void
jd_job_set_outputs (JdJob      *self,
                    GListModel *outputs)
{
  g_return_if_fail (JD_IS_JOB (self));
  g_return_if_fail (outputs == NULL || G_IS_LIST_MODEL (outputs));

  if (outputs == self->outputs)
    return;

  g_clear_object (&self->outputs);

  if (outputs != NULL)
    self->outputs = g_object_ref (outputs);
  else
    self->outputs = G_LIST_MODEL (g_list_store_new (JD_TYPE_JOB_OUTPUT));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUTS]);
}

/**
 * jd_job_get_raw_json:
 * @self: a #JdJob
 *
 * The body of the answer this job was read from, as the Server sent it.
 *
 * Returns: (transfer none) (nullable): the JSON, or %NULL for a job that
 *   was not read from an answer of its own
 */
GBytes *
jd_job_get_raw_json (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->raw_json;
}

/**
 * jd_job_set_raw_json:
 * @self: a #JdJob
 * @raw_json: (nullable): the body of the answer the job was read from
 *
 * Keeps a reference, not a copy: a job with 100,000 messages comes in an
 * answer of about 11 MB.
 */
void
jd_job_set_raw_json (JdJob  *self,
                     GBytes *raw_json)
{
  g_return_if_fail (JD_IS_JOB (self));

  if (raw_json != NULL)
    g_bytes_ref (raw_json);
  g_clear_pointer (&self->raw_json, g_bytes_unref);
  self->raw_json = raw_json;
}

/**
 * jd_job_get_n_unreadable_outputs:
 * @self: a #JdJob
 *
 * Returns: how many elements of the Server's "outputs" could not be read,
 *   and so are not among jd_job_get_outputs ()
 */
guint
jd_job_get_n_unreadable_outputs (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), 0);

  return self->n_unreadable_outputs;
}

void
jd_job_set_n_unreadable_outputs (JdJob *self,
                                 guint  n_unreadable)
{
  g_return_if_fail (JD_IS_JOB (self));

  if (self->n_unreadable_outputs == n_unreadable)
    return;

  self->n_unreadable_outputs = n_unreadable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREADABLE_OUTPUTS]);
}

/**
 * jd_job_get_n_unreadable_messages:
 * @self: a #JdJob
 *
 * Returns: how many elements of the Server's messages could not be read,
 *   and so are not among jd_job_get_messages (); follows the messages when
 *   jd_job_set_messages () replaces them
 */
guint
jd_job_get_n_unreadable_messages (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), 0);

  if (!JD_IS_MESSAGE_LIST (self->messages))
    return 0;

  return jd_message_list_get_n_unreadable (JD_MESSAGE_LIST (self->messages));
}
