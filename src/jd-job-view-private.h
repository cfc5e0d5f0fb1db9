/* jd-job-view-private.h: the job view's insides, shared by its parts
 * (jd-job-view-header.c, -messages.c, -actions.c), and hooks
 * for the tests. */
#pragma once

#include "jd-job-lead.h"
#include "jd-job-view.h"
#include "jd-message-filter-model.h"

G_BEGIN_DECLS

#define N_FILTERS (JD_MESSAGE_FILTER_INFO + 1)

struct _JdJobView
{
  AdwBin                parent_instance;

  /* Summary */
  GtkLabel             *id_label;
  GtkLabel             *status_badge;
  GtkLabel             *disposition_badge;
  GtkLabel             *created_label;
  GtkLabel             *priority_label;
  GtkLabel             *worker_tag_label;
  GtkLabel             *app_id_label;
  GtkWidget            *copy_app_id_button;
  GtkLabel             *e2_label;
  GtkLabel             *workflow_label;
  GtkWidget            *workflow_button;

  /* A failed job leads with what failed it (jd-job-lead.c) */
  AdwViewStackPage     *lead_page;
  JdJobLead            *lead;

  /* Tabs */
  AdwViewStack         *view_stack;
  AdwViewStackPage     *outputs_page;
  AdwViewStackPage     *messages_page;

  /* Outputs */
  GtkWidget            *outputs_toolbar;
  GtkLabel             *outputs_count_label;
  GtkStack             *outputs_stack;
  AdwStatusPage        *outputs_empty_page;
  GtkListView          *outputs_list;
  GtkNoSelection       *outputs_selection;
  GtkLabel             *outputs_unreadable_label;

  /* Messages */
  GtkWidget            *messages_toolbar;
  GtkToggleButton      *all_toggle;
  GtkToggleButton      *errors_toggle;
  GtkToggleButton      *warnings_toggle;
  GtkToggleButton      *files_toggle;
  GtkToggleButton      *info_toggle;
  GtkLabel             *all_count;
  GtkLabel             *errors_count;
  GtkLabel             *warnings_count;
  GtkLabel             *files_count;
  GtkLabel             *info_count;
  GtkSearchEntry       *search_entry;
  GtkLabel             *messages_count_label;
  GtkLabel             *messages_note_label;
  GtkWidget            *load_all_button;
  GtkSpinner           *load_all_spinner;
  GtkWidget            *load_all_empty_button;
  GtkSpinner           *load_all_empty_spinner;
  GtkRevealer          *messages_error_revealer;
  GtkLabel             *messages_error_label;
  GtkStack             *messages_stack;
  AdwStatusPage        *messages_empty_page;
  GtkWidget            *messages_list;
  JdMessageFilterModel *message_filter;
  GListModel           *loaded_messages; /* "Load All Messages" brought these to the job */

  /* Export, and cancelling the job (jd-job-view-actions.c) */
  GtkWidget            *cancel_job_squeezer;
  GtkWidget            *remove_job_squeezer;
  GtkMenuButton        *actions_button;
  GtkRevealer          *action_error_revealer;
  GtkLabel             *action_error_label;
  GCancellable         *export_cancellable;
  GCancellable         *delete_cancellable;
  AdwMessageDialog     *confirm_dialog;
  GtkFileChooserNative *csv_chooser;
  char                 *deleting_id;
  gboolean              copying_json;
  gboolean              saving_csv;
  gboolean              acted;          /* on the job shown, which is now out of date */

  /* State */
  JdJob                *job;
  JdClient             *client;
  GSettings            *settings;
  GSignalGroup         *job_signals;
  GCancellable         *load_cancellable;
  guint                 created_timeout;
  gboolean              messages_pending; /* status first: the full answer is on its way */
  GCancellable         *workflow_cancellable;
  char                 *workflow_name;    /* of the job's app ID, where the Server said it */
};

/* jd-job-view-header.c */
char                 *jd_job_view_format_count         (guint           count);
gboolean              jd_job_view_is_blank             (const char     *text);
gboolean              jd_job_view_job_not_started      (JdJob          *job);
void                  jd_job_view_update_summary       (JdJobView      *self);
gboolean              jd_job_view_on_created_timeout   (gpointer        user_data);
/* Asks for the name of the job's workflow (from the cache, or the Server). */
void                  jd_job_view_update_workflow      (JdJobView      *self);
void                  jd_job_view_class_add_header_actions (GtkWidgetClass *widget_class);

/* jd-job-view-messages.c */
void                  jd_job_view_update_messages      (JdJobView      *self);
/* The job holds only its first messages: its answer was larger than the
 * client reads. */
gboolean              jd_job_view_messages_cut_off     (JdJobView      *self);
void                  jd_job_view_set_loading_messages (JdJobView      *self,
                                                        gboolean        loading);
void                  jd_job_view_show_messages_error  (JdJobView      *self,
                                                        const char     *message);
void                  jd_job_view_cancel_loading_messages (JdJobView   *self);
void                  jd_job_view_class_add_message_actions (GtkWidgetClass *widget_class);
void                  jd_job_view_init_messages        (JdJobView      *self);
/* The lead tab, shown for a failed job only; it reads the messages' state. */
void                  jd_job_view_update_lead          (JdJobView      *self);

/* jd-job-view.c */
void                  jd_job_view_show_toast           (JdJobView      *self,
                                                        const char     *title);
void                  jd_job_view_emit_refresh_requested (JdJobView    *self);

/* jd-job-view-actions.c */
void                  jd_job_view_class_add_job_actions (GtkWidgetClass *widget_class);
void                  jd_job_view_update_job_actions   (JdJobView      *self);
void                  jd_job_view_dispose_job_actions  (JdJobView      *self);

/* For the tests: the confirmation and the file chooser while they are open. */
AdwMessageDialog     *jd_job_view_get_confirm_dialog   (JdJobView      *self);
GtkFileChooserNative *jd_job_view_get_csv_chooser      (JdJobView      *self);

G_END_DECLS
