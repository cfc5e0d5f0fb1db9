/* jd-job.c: one Alteryx Server job (JobView): its summary, with its
 * outputs, messages and the answer it was read from. */
#define G_LOG_DOMAIN "jd-job"

#include "config.h"

#include "jd-fields-private.h"
#include "jd-job-output.h"
#include "jd-job-summary-private.h"
#include "jd-message-list.h"

struct _JdJob
{
  JdJobSummary parent_instance;

  char       *app_id;
  GListModel *outputs;
  GListModel *messages;
  /* The Server's own answer, for "Copy as JSON"; not parsed again. */
  GBytes     *raw_json;
  guint       n_unreadable_outputs;

  guint       messages_included : 1;
};

enum {
  PROP_0,
  PROP_APP_ID,
  PROP_OUTPUTS,
  PROP_MESSAGES,
  PROP_MESSAGES_INCLUDED,
  PROP_N_UNREADABLE_OUTPUTS,
  PROP_N_UNREADABLE_MESSAGES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdJob, jd_job, JD_TYPE_JOB_SUMMARY)

static GParamSpec *properties[N_PROPS];

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

  g_clear_pointer (&self->app_id, g_free);
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
    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
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

  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL,
                         NULL,
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
  jd_job_summary_set_id (JD_JOB_SUMMARY (self), id);

  return self;
}

const char *
jd_job_get_app_id (JdJob *self)
{
  g_return_val_if_fail (JD_IS_JOB (self), NULL);

  return self->app_id;
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

/* Setters for the readers (jd-job-summary-private.h). */

void
jd_job_set_app_id (JdJob      *self,
                   const char *app_id)
{
  g_return_if_fail (JD_IS_JOB (self));

  jd_set_string_field (self, &self->app_id, app_id, properties[PROP_APP_ID]);
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
