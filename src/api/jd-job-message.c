/* jd-job-message.c: one message the engine wrote while running a job. */
#define G_LOG_DOMAIN "jd-job-message"

#include "config.h"

#include "jd-api-enums.h"
#include "jd-job-message.h"

struct _JdJobMessage
{
  GObject  parent_instance;

  char    *text;
  guint    code;
  gint32   tool_id;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_SEVERITY,
  PROP_TRANSIENT,
  PROP_TEXT,
  PROP_TOOL_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdJobMessage, jd_job_message, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
jd_job_message_finalize (GObject *object)
{
  JdJobMessage *self = (JdJobMessage *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (jd_job_message_parent_class)->finalize (object);
}

static void
jd_job_message_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdJobMessage *self = JD_JOB_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_uint (value, self->code);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, jd_job_message_get_severity (self));
      break;

    case PROP_TRANSIENT:
      g_value_set_boolean (value, jd_job_message_get_transient (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TOOL_ID:
      g_value_set_int (value, self->tool_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_message_class_init (JdJobMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_job_message_finalize;
  object_class->get_property = jd_job_message_get_property;

  /* the engine's code as the Server gave it, transient flag included */
  properties[PROP_CODE] =
    g_param_spec_uint ("code", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       JD_TYPE_MESSAGE_SEVERITY,
                       JD_MESSAGE_SEVERITY_INFO,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSIENT] =
    g_param_spec_boolean ("transient", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* -1 is the engine itself; JD_JOB_MESSAGE_NO_TOOL means "not given" */
  properties[PROP_TOOL_ID] =
    g_param_spec_int ("tool-id", NULL, NULL,
                      G_MININT32, G_MAXINT32, JD_JOB_MESSAGE_NO_TOOL,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_job_message_init (JdJobMessage *self)
{
  self->tool_id = JD_JOB_MESSAGE_NO_TOOL;
}

/**
 * jd_job_message_new:
 * @code: the engine's message code, as the Server gave it
 * @text: (nullable): the message
 * @tool_id: the tool that wrote it, -1 for the engine, or
 *   %JD_JOB_MESSAGE_NO_TOOL
 *
 * Returns: (transfer full): a new #JdJobMessage
 */
JdJobMessage *
jd_job_message_new (guint       code,
                    const char *text,
                    gint32      tool_id)
{
  JdJobMessage *self = g_object_new (JD_TYPE_JOB_MESSAGE, NULL);

  self->code = code;
  self->text = g_strdup (text);
  self->tool_id = tool_id;

  return self;
}

guint
jd_job_message_get_code (JdJobMessage *self)
{
  g_return_val_if_fail (JD_IS_JOB_MESSAGE (self), 0);

  return self->code;
}

JdMessageSeverity
jd_job_message_get_severity (JdJobMessage *self)
{
  g_return_val_if_fail (JD_IS_JOB_MESSAGE (self), JD_MESSAGE_SEVERITY_INFO);

  return jd_message_severity_from_code (self->code);
}

gboolean
jd_job_message_get_transient (JdJobMessage *self)
{
  g_return_val_if_fail (JD_IS_JOB_MESSAGE (self), FALSE);

  return (self->code & JD_JOB_MESSAGE_TRANSIENT_FLAG) != 0;
}

const char *
jd_job_message_get_text (JdJobMessage *self)
{
  g_return_val_if_fail (JD_IS_JOB_MESSAGE (self), NULL);

  return self->text;
}

gint32
jd_job_message_get_tool_id (JdJobMessage *self)
{
  g_return_val_if_fail (JD_IS_JOB_MESSAGE (self), JD_JOB_MESSAGE_NO_TOOL);

  return self->tool_id;
}

/**
 * jd_message_severity_from_code:
 * @code: the engine's message code
 *
 * Reads a code as DESIGN §1 describes, after clearing the transient flag:
 * 3 and 21 (safe mode) are errors; 2, 5 and 6 (field conversion) and 20
 * (low disk) warnings; 8 and 9 name files read and written; anything else
 * is information.
 *
 * Returns: the severity
 */
JdMessageSeverity
jd_message_severity_from_code (guint code)
{
  switch (code & ~JD_JOB_MESSAGE_TRANSIENT_FLAG)
    {
    case 3:
    case 21:
      return JD_MESSAGE_SEVERITY_ERROR;

    case 2:
    case 5:
    case 6:
    case 20:
      return JD_MESSAGE_SEVERITY_WARNING;

    case 8:
    case 9:
      return JD_MESSAGE_SEVERITY_FILE;

    default:
      return JD_MESSAGE_SEVERITY_INFO;
    }
}
