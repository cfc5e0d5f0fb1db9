/* jd-job-page-source.c: where a JdJobList gets its pages of jobs from. */
#define G_LOG_DOMAIN "jd-job-page-source"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-job-page-source.h"

G_DEFINE_INTERFACE (JdJobPageSource, jd_job_page_source, G_TYPE_OBJECT)

static void
jd_job_page_source_default_init (JdJobPageSourceInterface *iface)
{
}

void
jd_job_page_source_fetch_async (JdJobPageSource     *self,
                                JdClient            *client,
                                guint                page,
                                guint                page_size,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (JD_IS_JOB_PAGE_SOURCE (self));
  g_return_if_fail (JD_IS_CLIENT (client));
  g_return_if_fail (page_size > 0);

  JD_JOB_PAGE_SOURCE_GET_IFACE (self)->fetch_async (self, client, page, page_size,
                                                    cancellable, callback, user_data);
}

JdJobPage *
jd_job_page_source_fetch_finish (JdJobPageSource  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (JD_IS_JOB_PAGE_SOURCE (self), NULL);

  return JD_JOB_PAGE_SOURCE_GET_IFACE (self)->fetch_finish (self, result, error);
}

gboolean
jd_job_page_source_get_filtered (JdJobPageSource *self)
{
  JdJobPageSourceInterface *iface;

  g_return_val_if_fail (JD_IS_JOB_PAGE_SOURCE (self), FALSE);

  iface = JD_JOB_PAGE_SOURCE_GET_IFACE (self);
  return iface->get_filtered != NULL && iface->get_filtered (self);
}

void
jd_job_page_source_clear_filters (JdJobPageSource *self)
{
  JdJobPageSourceInterface *iface;

  g_return_if_fail (JD_IS_JOB_PAGE_SOURCE (self));

  iface = JD_JOB_PAGE_SOURCE_GET_IFACE (self);
  if (iface->clear_filters != NULL)
    iface->clear_filters (self);
}

const char *
jd_job_page_source_get_empty_text (JdJobPageSource *self,
                                   guint            page)
{
  JdJobPageSourceInterface *iface;
  const char *text = NULL;

  g_return_val_if_fail (JD_IS_JOB_PAGE_SOURCE (self), NULL);

  iface = JD_JOB_PAGE_SOURCE_GET_IFACE (self);
  if (iface->get_empty_text != NULL)
    text = iface->get_empty_text (self, page);
  if (text != NULL)
    return text;

  if (jd_job_page_source_get_filtered (self))
    return _("No job matches the filters.");
  if (page > 0)
    return _("There are no more jobs after the previous page.");
  return _("There are no jobs to show.");
}

const char *
jd_job_page_source_get_error_title (JdJobPageSource *self,
                                    const GError    *error)
{
  JdJobPageSourceInterface *iface;

  g_return_val_if_fail (JD_IS_JOB_PAGE_SOURCE (self), NULL);

  iface = JD_JOB_PAGE_SOURCE_GET_IFACE (self);
  return iface->get_error_title != NULL ? iface->get_error_title (self, error) : NULL;
}
