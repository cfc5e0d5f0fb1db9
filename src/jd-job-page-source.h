/* jd-job-page-source.h: where a JdJobList gets its pages of jobs from.
 *
 * A page that shows a list of jobs (the jobs of one workflow, the recent
 * jobs of all workflows) implements this: it knows its endpoint and its
 * filters, the list knows the rest (requests, spinner, paging, states).
 */
#pragma once

#include <glib-object.h>

#include "jd-client.h"

G_BEGIN_DECLS

#define JD_TYPE_JOB_PAGE_SOURCE (jd_job_page_source_get_type ())
G_DECLARE_INTERFACE (JdJobPageSource, jd_job_page_source, JD, JOB_PAGE_SOURCE, GObject)

struct _JdJobPageSourceInterface
{
  GTypeInterface parent_iface;

  /* Page @page (0 for the first) of @page_size jobs. A source whose
   * Server sends no pagination may answer one row more than the page,
   * to tell that a next page exists. */
  void         (*fetch_async)      (JdJobPageSource      *self,
                                    JdClient             *client,
                                    guint                 page,
                                    guint                 page_size,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
  JdJobPage   *(*fetch_finish)     (JdJobPageSource      *self,
                                    GAsyncResult         *result,
                                    GError              **error);

  /* Optional. Whether filters narrow the list, so that an empty answer
   * offers to clear them; and clearing them (which reloads). */
  gboolean     (*get_filtered)     (JdJobPageSource      *self);
  void         (*clear_filters)    (JdJobPageSource      *self);
  /* Optional. Why a page holds no jobs, in one sentence. */
  const char  *(*get_empty_text)   (JdJobPageSource      *self,
                                    guint                 page);
  /* Optional. The heading of an error page; NULL for the usual one. */
  const char  *(*get_error_title)  (JdJobPageSource      *self,
                                    const GError         *error);
};

void         jd_job_page_source_fetch_async     (JdJobPageSource      *self,
                                                 JdClient             *client,
                                                 guint                 page,
                                                 guint                 page_size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JdJobPage   *jd_job_page_source_fetch_finish    (JdJobPageSource      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
gboolean     jd_job_page_source_get_filtered    (JdJobPageSource      *self);
void         jd_job_page_source_clear_filters   (JdJobPageSource      *self);
const char  *jd_job_page_source_get_empty_text  (JdJobPageSource      *self,
                                                 guint                 page);
const char  *jd_job_page_source_get_error_title (JdJobPageSource      *self,
                                                 const GError         *error);

G_END_DECLS
