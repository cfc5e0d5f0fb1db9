/* jd-job-output.c: one output file of a job and the formats it comes in. */
#define G_LOG_DOMAIN "jd-job-output"

#include "config.h"

#include "jd-job-output.h"

struct _JdJobOutput
{
  GObject   parent_instance;

  char     *id;
  char     *file_name;
  GStrv     formats;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FILE_NAME,
  PROP_FORMATS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdJobOutput, jd_job_output, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
jd_job_output_finalize (GObject *object)
{
  JdJobOutput *self = (JdJobOutput *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->formats, g_strfreev);

  G_OBJECT_CLASS (jd_job_output_parent_class)->finalize (object);
}

static void
jd_job_output_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdJobOutput *self = JD_JOB_OUTPUT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_FORMATS:
      g_value_set_boxed (value, self->formats);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_output_class_init (JdJobOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_job_output_finalize;
  object_class->get_property = jd_job_output_get_property;

  /* NULL when the Server did not give one; such an output cannot be downloaded */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* never NULL: an empty array when the Server named no format */
  properties[PROP_FORMATS] =
    g_param_spec_boxed ("formats", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_job_output_init (JdJobOutput *self)
{
}

/**
 * jd_job_output_new:
 * @id: (nullable): the output's ID, used to download it
 * @file_name: (nullable): the file the job wrote
 * @formats: (nullable) (array zero-terminated=1): the formats it can be
 *   downloaded in, such as "Raw" or "Csv"
 *
 * Returns: (transfer full): a new #JdJobOutput
 */
JdJobOutput *
jd_job_output_new (const char         *id,
                   const char         *file_name,
                   const char * const *formats)
{
  JdJobOutput *self = g_object_new (JD_TYPE_JOB_OUTPUT, NULL);

  self->id = g_strdup (id);
  self->file_name = g_strdup (file_name);
  self->formats = formats != NULL ? g_strdupv ((char **)formats) : g_new0 (char *, 1);

  return self;
}

const char *
jd_job_output_get_id (JdJobOutput *self)
{
  g_return_val_if_fail (JD_IS_JOB_OUTPUT (self), NULL);

  return self->id;
}

const char *
jd_job_output_get_file_name (JdJobOutput *self)
{
  g_return_val_if_fail (JD_IS_JOB_OUTPUT (self), NULL);

  return self->file_name;
}

/**
 * jd_job_output_get_formats:
 * @self: a #JdJobOutput
 *
 * Returns: (transfer none): the formats, never %NULL (empty when none
 *   were given)
 */
const char * const *
jd_job_output_get_formats (JdJobOutput *self)
{
  g_return_val_if_fail (JD_IS_JOB_OUTPUT (self), NULL);

  return (const char * const *)self->formats;
}
