/* test-ui-job-page.c: the job page in the real window: status first
 * (against a Server that holds back the full answer), the keyboard (Ctrl+F
 * from the Job ID entry, a shortcuts window that lists every accelerator),
 * and a window 360 px wide with a job open. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-job-export.h"
#include "jd-job-view.h"
#include "jd-list-pacer.h"
#include "jd-job-view-private.h"
#include "jd-message-filter-model.h"
#include "jd-message-list.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-test-util.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-job-view-fixture.h"
#include "jd-json-reader.h"
#include "jd-workflow-names.h"
#include "jd-workflow-page.h"

/* ------------------------------------------------------------------ */
/* Status first                                                        */

/* Stands between the app and the sample server, and holds back the
 * answers to includeMessages=true until the test lets them go: a Server
 * slow to send a big job's messages. */
typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *target;     /* the sample server, without /webapi */
  char        *base_url;
  gboolean     hold_full;
  gboolean     fail_full;
  GPtrArray   *held;       /* SoupServerMessage */
  GPtrArray   *log;        /* "status" or "full", in the order asked */
} Proxy;

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  if (g_ascii_strcasecmp (name, "Host") != 0 && g_ascii_strcasecmp (name, "Content-Length") != 0 &&
      g_ascii_strcasecmp (name, "Connection") != 0)
    soup_message_headers_append (user_data, name, value);
}

static void
forward (Proxy             *proxy,
         SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  g_autofree char *url = g_strconcat (proxy->target, g_uri_get_path (uri), query != NULL ? "?" : "", query, NULL);
  g_autoptr(SoupMessage) out = soup_message_new (soup_server_message_get_method (msg), url);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) request = soup_message_body_flatten (body);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *content_type;

  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                soup_message_get_request_headers (out));
  if (g_bytes_get_size (request) > 0)
    soup_message_set_request_body_from_bytes (out, soup_message_headers_get_content_type (
                                                     soup_server_message_get_request_headers (msg), NULL),
                                              request);
  reply = soup_session_send_and_read (proxy->session, out, NULL, &error);
  g_assert_no_error (error);
  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (out), NULL);
  soup_server_message_set_status (msg, soup_message_get_status (out), NULL);
  soup_server_message_set_response (msg, content_type != NULL ? content_type : "application/json",
                                    SOUP_MEMORY_COPY,
                                    g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
}

static void
on_proxy_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  Proxy *proxy = user_data;
  const char *include = query != NULL ? g_hash_table_lookup (query, "includeMessages") : NULL;

  if (g_str_has_prefix (path, "/webapi/v3/jobs/") && include != NULL)
    {
      gboolean full = g_str_equal (include, "true");

      g_ptr_array_add (proxy->log, g_strdup (full ? "full" : "status"));
      if (full && proxy->fail_full)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
          return;
        }
      if (full && proxy->hold_full)
        {
          soup_server_message_pause (msg);
          g_ptr_array_add (proxy->held, g_object_ref (msg));
          return;
        }
    }

  forward (proxy, msg);
}

static Proxy *
proxy_new (JdDemoServer *demo)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  const char *demo_url = jd_demo_server_get_base_url (demo);

  proxy->target = g_strndup (demo_url, strlen (demo_url) - strlen ("/webapi"));
  proxy->session = soup_session_new ();
  proxy->held = g_ptr_array_new_with_free_func (g_object_unref);
  proxy->log = g_ptr_array_new_with_free_func (g_free);
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, on_proxy_request_cb, proxy, NULL);
  proxy->base_url = g_strdup_printf ("http://127.0.0.1:%u/webapi", jd_test_listen_loopback (proxy->server));
  return proxy;
}

static void
proxy_release (Proxy *proxy)
{
  for (guint i = 0; i < proxy->held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (proxy->held, i);

      forward (proxy, msg);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (proxy->held, 0);
}

static void
proxy_free (Proxy *proxy)
{
  proxy_release (proxy);
  soup_server_disconnect (proxy->server);
  g_object_unref (proxy->server);
  g_object_unref (proxy->session);
  g_ptr_array_unref (proxy->held);
  g_ptr_array_unref (proxy->log);
  g_free (proxy->target);
  g_free (proxy->base_url);
  g_free (proxy);
}

typedef struct
{
  JdApplication *app;
  JdDemoServer  *demo;
  Proxy         *proxy;
  JdClient      *client;
  JdWindow      *window;
  JdLookupPage  *page;
} Page;

static void
page_open (Page  *page,
           int    width,
           int    height)
{
  page->app = jd_ui_test_app_new ();
  page->demo = jd_ui_test_demo_server_new ();
  page->proxy = proxy_new (page->demo);
  page->client = jd_client_new (NULL, page->proxy->base_url);
  jd_client_set_timeout (page->client, 15);
  jd_client_set_api_key (page->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_application_set_client (page->app, page->client);
  page->window = jd_application_new_window (page->app);
  gtk_window_set_default_size (GTK_WINDOW (page->window), width, height);
  gtk_window_present (GTK_WINDOW (page->window));
  page->page = jd_window_get_lookup_page (page->window);
}

static void
page_close (Page *page)
{
  gtk_window_destroy (GTK_WINDOW (page->window));
  jd_ui_test_spin (50);
  jd_application_set_client (page->app, NULL);
  proxy_free (page->proxy);
  g_clear_object (&page->client);
  jd_demo_server_stop (page->demo);
  g_clear_object (&page->demo);
  g_clear_object (&page->app);
}

static JdJobView *
page_view (Page *page)
{
  return JD_JOB_VIEW (jd_ui_test_find_by_type (GTK_WIDGET (page->page), JD_TYPE_JOB_VIEW));
}

static gboolean
messages_arrived (gpointer data)
{
  Page *page = data;
  JdJob *job = jd_lookup_page_get_job (page->page);

  return job != NULL && jd_job_get_messages_included (job) && !jd_job_view_get_messages_pending (page_view (page));
}

static gboolean
full_asked (gpointer data)
{
  return ((Proxy *) data)->held->len > 0;
}

static void
test_status_first (void)
{
  Page page = { NULL, };
  JdJobView *view;
  GListModel *outputs;
  GtkWidget *probe;

  page_open (&page, 1000, 760);
  page.proxy->hold_full = TRUE;
  jd_window_look_up (page.window, JD_DEMO_JOB_WARNING);

  /* The status comes; the full answer is held back. */
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (full_asked, page.proxy, WAIT_MS));
  g_assert_cmpuint (page.proxy->log->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (page.proxy->log, 0), ==, "status");
  g_assert_cmpstr (g_ptr_array_index (page.proxy->log, 1), ==, "full");

  /* Header and outputs are on screen; the messages are on their way. */
  view = page_view (&page);
  jd_ui_test_spin (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "id_label"))), ==,
                   JD_DEMO_JOB_WARNING);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "disposition_badge"))), ==,
                   "Warning");
  outputs = jd_job_get_outputs (jd_lookup_page_get_job (page.page));
  g_assert_cmpuint (g_list_model_get_n_items (outputs), >, 0);
  g_assert_true (jd_job_view_get_messages_pending (view));
  /* A copy now would lack the messages: a button of the action says
   * whether it is enabled. */
  probe = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "job-view.copy-json");
  gtk_box_append (GTK_BOX (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_box")), probe);
  jd_ui_test_spin (20);
  g_assert_false (gtk_widget_get_sensitive (probe));
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_loading_box")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "messages_stack"))),
                   ==, "loading");
  g_assert_true (gtk_widget_get_mapped (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_loading_box")));

  /* The full answer fills the messages in, and the lead with them. */
  proxy_release (page.proxy);
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_loading_box")));
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_warning_box")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "messages_stack"))),
                   ==, "list");
  g_assert_true (gtk_widget_get_sensitive (probe));
  /* Still the lead the user saw. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "view_stack"))),
                   ==, "lead");

  /* For the record (never asserted: these machines are too noisy): the
   * status of the 100,000-message job, and then all of its messages. */
  page.proxy->hold_full = FALSE;
  /* Under the sanitizers (JD_TEST_SLOWDOWN) the 100,000 messages would
   * take minutes in the window, for a figure nobody reads there. */
  for (guint i = 0; i < (g_getenv ("JD_TEST_SLOWDOWN") != NULL ? 2 : 3); i++)
    {
      static const char *const ids[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_MANY_MESSAGES, JD_DEMO_JOB_HUGE };
      gint64 start, status_at, messages_at;
      JdJob *job;

      jd_window_look_up (page.window, ids[i]);
      page.page = jd_window_get_lookup_page (page.window);
      start = g_get_monotonic_time ();
      g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
      status_at = g_get_monotonic_time ();
      g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS * 3));
      messages_at = g_get_monotonic_time ();
      job = jd_lookup_page_get_job (page.page);
      g_test_message ("%u messages: status after %.0f ms, all messages after %.0f ms (through the test's proxy)",
                      g_list_model_get_n_items (jd_job_get_messages (job)),
                      (status_at - start) / 1000.0, (messages_at - start) / 1000.0);
    }

  page_close (&page);
}

static gboolean
messages_error_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (jd_ui_test_find_by_id (data, "messages_error_revealer")));
}

/* The full answer fails: the status stays, and the messages say why. */
static void
test_status_first_full_fails (void)
{
  Page page = { NULL, };
  JdJobView *view;
  const char *text;

  page_open (&page, 1000, 760);
  page.proxy->fail_full = TRUE;
  jd_window_look_up (page.window, JD_DEMO_JOB_ERROR);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
  view = page_view (&page);
  g_assert_true (jd_ui_test_wait_for (messages_error_shown, view, WAIT_MS));

  g_assert_cmpint (jd_lookup_page_get_state (page.page), ==, JD_LOOKUP_STATE_JOB);
  g_assert_false (jd_job_view_get_messages_pending (view));
  text = gtk_label_get_text (GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "messages_error_label")));
  g_assert_true (g_str_has_prefix (text, "The messages could not be loaded."));
  g_assert_false (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_loading_box")));
  /* The lead the job opens on says it as well. */
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_none_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "lead_none_label"))), ==, text);

  page_close (&page);
}

/* A job larger than the client reads: the status, then its first
 * messages and a sentence saying the rest are left out; no error. */
static void
test_status_first_cut_off (void)
{
  Page page = { NULL, };
  JdJobView *view;
  GListModel *messages;
  GtkWidget *label;
  guint n;

  page_open (&page, 1000, 760);
  jd_client_set_max_response_size (page.client, 64 * 1024);
  jd_window_look_up (page.window, JD_DEMO_JOB_MANY_MESSAGES);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  view = page_view (&page);
  jd_ui_test_spin (100);

  g_assert_cmpint (jd_lookup_page_get_state (page.page), ==, JD_LOOKUP_STATE_JOB);
  messages = jd_job_get_messages (jd_lookup_page_get_job (page.page));
  n = g_list_model_get_n_items (messages);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 5000);
  g_assert_true (jd_message_list_get_cut_off (JD_MESSAGE_LIST (messages)));
  /* the status answer's own members stay: its outputs */
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (jd_lookup_page_get_job (page.page))), >, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (jd_ui_test_find_by_id (GTK_WIDGET (view),
                                                                                      "messages_error_revealer"))));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "view_stack")),
                                         "messages");
  jd_ui_test_spin (100);
  label = jd_ui_test_find_by_id (GTK_WIDGET (view), "messages_note_label");
  g_assert_true (gtk_widget_get_mapped (label));
  {
    g_autofree char *expected = g_strdup_printf ("Showing the first %'u messages only.", n);

    g_test_message ("%s", gtk_label_get_text (GTK_LABEL (label)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), expected));
    /* the limit, as g_format_size () writes it (a no-break space) */
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "larger than the 64.0\u00a0KiB"));
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "messages_stack"))),
                   ==, "list");
  if (g_getenv ("JD_SCREENSHOT_DIR") != NULL)
    screenshot_window (GTK_WINDOW (page.window), g_getenv ("JD_SCREENSHOT_DIR"), "window-cut-off.png");

  /* a job that fits says nothing of the kind */
  jd_client_set_max_response_size (page.client, 0);
  jd_window_look_up (page.window, JD_DEMO_JOB_WARNING);
  page.page = jd_window_get_lookup_page (page.window);
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  jd_ui_test_spin (50);
  g_assert_false (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (page_view (&page)),
                                                                 "messages_note_label")));

  page_close (&page);
}

/* ------------------------------------------------------------------ */
/* The keyboard                                                        */

/* The Ctrl+F shortcut a key press on widget reaches first, bubbling up
 * from it as GTK delivers it, and the widget that holds it. */
static GtkShortcut *
find_shortcut (GtkWidget   *widget,
               const char  *accelerator,
               GtkWidget  **owner)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
                {
                  *owner = widget;
                  return g_steal_pointer (&shortcut);
                }
            }
        }
    }

  return NULL;
}

static void
test_ctrl_f_from_entry (void)
{
  Page page = { NULL, };
  g_autoptr(GtkShortcut) shortcut = NULL;
  GtkWidget *owner = NULL;
  GtkWidget *focus;
  GtkWidget *search;
  JdJobView *view;

  page_open (&page, 1000, 760);
  jd_window_look_up (page.window, JD_DEMO_JOB_MANY_MESSAGES);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  view = page_view (&page);
  search = jd_ui_test_find_by_id (GTK_WIDGET (view), "search_entry");

  /* Where the focus sits after a lookup. */
  jd_lookup_page_focus_entry (page.page);
  focus = gtk_root_get_focus (GTK_ROOT (page.window));
  g_assert_true (gtk_widget_is_ancestor (focus, jd_ui_test_find_by_id (GTK_WIDGET (page.page), "job_entry")));

  shortcut = find_shortcut (focus, "<Control>f", &owner);
  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               owner, gtk_shortcut_get_arguments (shortcut)));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "view_stack"))),
                   ==, "messages");
  focus = gtk_root_get_focus (GTK_ROOT (page.window));
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  page_close (&page);
}

/* keypad and tab variants name the same key in the shortcuts window */
static guint
plain_keyval (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Page_Up: return GDK_KEY_Page_Up;
    case GDK_KEY_KP_Page_Down: return GDK_KEY_Page_Down;
    case GDK_KEY_KP_Home: return GDK_KEY_Home;
    case GDK_KEY_KP_End: return GDK_KEY_End;
    case GDK_KEY_KP_Tab: return GDK_KEY_Tab;
    case GDK_KEY_ISO_Left_Tab: return GDK_KEY_Tab;
    default:
      if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
        return GDK_KEY_0 + (keyval - GDK_KEY_KP_0);
      return gdk_keyval_to_lower (keyval);
    }
}

static char *
accel_key (guint           keyval,
           GdkModifierType mods)
{
  return g_strdup_printf ("%x/%x", plain_keyval (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

/* Every accelerator the shortcuts window shows, as "keyval/mods". */
static GHashTable *
listed_accelerators (GtkWidget  *overlay,
                     GHashTable *actions)
{
  g_autoptr(GPtrArray) shortcuts = jd_ui_test_find_all (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (shortcuts->pdata[i], "accelerator", &accelerator, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
      if (accelerator == NULL)
        continue;

      parts = g_strsplit (accelerator, " ", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          char *range = strstr (parts[j], "...");
          guint keyval = 0, last = 0;
          GdkModifierType mods = 0;

          if (range != NULL)
            {
              /* "<Alt>1...9" */
              *range = '\0';
              g_assert_true (gtk_accelerator_parse (parts[j], &keyval, &mods));
              last = gdk_keyval_from_name (range + 3);
              for (guint k = keyval; k <= last; k++)
                g_hash_table_add (listed, accel_key (k, mods));
              continue;
            }
          g_assert_true (gtk_accelerator_parse (parts[j], &keyval, &mods));
          g_hash_table_add (listed, accel_key (keyval, mods));
        }
    }

  return listed;
}

static void
check_controllers_listed (GtkWidget  *widget,
                          GHashTable *listed,
                          const char *where)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *key = NULL;
          g_autofree char *text = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;

          key = accel_key (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          text = gtk_shortcut_trigger_to_string (trigger);
          if (!g_hash_table_contains (listed, key))
            g_error ("%s installs %s, which the shortcuts window does not list", where, text);
        }
    }
}

static void
test_shortcuts_window_complete (void)
{
  g_autoptr(JdApplication) app = jd_ui_test_app_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/jobdesk/JobDesk/gtk/help-overlay.ui");
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = NULL;
  g_auto(GStrv) described = NULL;
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  JdWindow *window;
  GtkWidget *lookup_page;
  JdJobView *view;
  guint n_accels = 0;

  listed = listed_accelerators (overlay, actions);

  /* Every accelerator of the application's actions. */
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;
          g_autofree char *key = NULL;

          n_accels++;
          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          key = accel_key (keyval, mods);
          /* An entry with the action shows its accelerators itself. */
          if (!g_hash_table_contains (actions, described[i]) && !g_hash_table_contains (listed, key))
            g_error ("%s (%s) is not in the shortcuts window", accels[j], described[i]);
          if (g_strcmp0 (accels[j], "<Control><Shift>w") == 0)
            g_error ("Ctrl+Shift+W closes the window elsewhere in GNOME; %s uses it", described[i]);
        }
    }
  g_assert_cmpuint (n_accels, >=, 9);

  /* ...and the accelerators each action of the window would show: the
   * entries with an action name must have one. */
  window = jd_application_new_window (app);
  g_assert_true (g_hash_table_contains (actions, "win.new-tab"));
  g_assert_true (g_hash_table_contains (actions, "win.close-tab"));
  for (GList *l = g_hash_table_get_keys (actions), *keys = l; l != NULL || (g_list_free (keys), FALSE); l = l->next)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), l->data);

      if (accels[0] == NULL && g_strcmp0 (l->data, "win.show-help-overlay") != 0)
        g_error ("The shortcuts window names %s, which has no accelerator", (char *) l->data);
    }

  /* Then the widgets' own: the tab view's, the lookup page's and the job
   * view's key bindings. */
  for (guint k = GDK_KEY_1; k <= GDK_KEY_9; k++)
    {
      g_autofree char *key = accel_key (k, GDK_ALT_MASK);

      g_assert_true (g_hash_table_contains (listed, key));
    }
  check_controllers_listed (GTK_WIDGET (jd_window_get_tab_view (window)), listed, "The tab view");
  lookup_page = GTK_WIDGET (jd_window_get_lookup_page (window));
  check_controllers_listed (lookup_page, listed, "The lookup page");
  view = JD_JOB_VIEW (jd_job_view_new ());
  g_object_ref_sink (view);
  check_controllers_listed (GTK_WIDGET (view), listed, "The job view");
  g_object_unref (view);

  gtk_window_destroy (GTK_WINDOW (window));
  jd_ui_test_spin (50);
}

/* ------------------------------------------------------------------ */
/* Narrow windows                                                      */

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_resize (widget);
  g_assert_true (jd_ui_test_wait_for (is_set, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);
  jd_ui_test_spin (100);
}

/* No label in the job view hyphenates what it breaks: IDs and paths
 * break at a character, with no hyphen that is not in them. */
static void
check_no_hyphenation (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = jd_ui_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (label));

      if (!gtk_label_get_wrap (label) || gtk_label_get_wrap_mode (label) == PANGO_WRAP_WORD)
        continue;
      /* One line, cut short: nothing is broken, so nothing hyphenated. */
      if (gtk_label_get_lines (label) == 1 && gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
        continue;
      /* The message and output rows are checked with their own code
       * (jd-message-row.ui, jd-output-row.ui). */
      if (gtk_widget_get_ancestor (GTK_WIDGET (label), JD_TYPE_MESSAGE_ROW) != NULL ||
          gtk_widget_get_ancestor (GTK_WIDGET (label), JD_TYPE_OUTPUT_ROW) != NULL)
        continue;
      /* A status page's own title and description are libadwaita's. */
      if (gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_STATUS_PAGE) != NULL)
        continue;

      /* Breaking inside a word: it must say no hyphens. */
      {
        PangoAttrList *attrs = gtk_label_get_attributes (label);
        gboolean no_hyphens = FALSE;

        if (attrs != NULL)
          {
            g_autoptr(GSList) list = pango_attr_list_get_attributes (attrs);

            for (GSList *l = list; l != NULL; l = l->next)
              {
                PangoAttribute *attr = l->data;

                if (attr->klass->type == PANGO_ATTR_INSERT_HYPHENS && !((PangoAttrInt *) attr)->value)
                  no_hyphens = TRUE;
              }
            g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
          }
        if (!no_hyphens)
          g_error ("Label %s (%s, in a %s) wraps inside words and would hyphenate", id != NULL ? id : "", gtk_label_get_text (label), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (GTK_WIDGET (label))));
      }
    }
}

/* Says which widgets ask for more than 360 px, the deepest first found. */
static void
report_wide (GtkWidget *widget,
             int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > (g_getenv ("JD_TEST_WIDE") != NULL ? atoi (g_getenv ("JD_TEST_WIDE")) : 340))
        {
          const char *id = GTK_IS_BUILDABLE (child) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) : NULL;

          g_test_message ("%*s%s %s: %d px", depth * 2, "", G_OBJECT_TYPE_NAME (child), id != NULL ? id : "", minimum);
          report_wide (child, depth + 1);
        }
    }
}

static void
check_width (Page       *page,
             const char *what)
{
  int width;
  int minimum;

  wait_for_frame (GTK_WIDGET (page->window));
  width = gtk_widget_get_width (GTK_WIDGET (page->window));
  /* The content's: the window's own adds the shadow around it. */
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (page->window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("%s: allocated %d px, minimum %d px", what, width, minimum);
  if (width > 360)
    report_wide (GTK_WIDGET (page->window), 0);
  if (width > 360)
    g_error ("%s: the window is %d px wide, more than 360 (its minimum is %d px)", what, width, minimum);
}

static void
test_narrow_360 (void)
{
  Page page = { NULL, };
  AdwViewStack *stack;
  JdJobView *view;

  /* GNOME's title bar buttons (org.gnome.desktop.wm.preferences
   * button-layout), not GTK's fallback of three. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  page_open (&page, 360, 720);
  jd_window_look_up (page.window, JD_DEMO_JOB_ERROR);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page.page, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  view = page_view (&page);
  stack = ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (view), "view_stack"));

  check_width (&page, "failed job, its lead");
  adw_view_stack_set_visible_child_name (stack, "outputs");
  check_width (&page, "failed job, outputs");
  adw_view_stack_set_visible_child_name (stack, "messages");
  check_width (&page, "failed job, messages");

  jd_window_look_up (page.window, JD_DEMO_JOB_RUNNING);
  g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
  check_width (&page, "running job");

  check_no_hyphenation (GTK_WIDGET (page.page));

  if (g_getenv ("JD_SCREENSHOT_DIR") != NULL)
    {
      const char *dir = g_getenv ("JD_SCREENSHOT_DIR");

      screenshot_window (GTK_WINDOW (page.window), dir, "window-narrow-running.png");
      jd_window_look_up (page.window, JD_DEMO_JOB_ERROR);
      g_assert_true (jd_ui_test_wait_for (messages_arrived, &page, WAIT_MS));
      /* This tab showed the job before: it keeps the tab chosen there. */
      adw_view_stack_set_visible_child_name (stack, "lead");
      screenshot_window (GTK_WINDOW (page.window), dir, "window-narrow-failed.png");
      adw_view_stack_set_visible_child_name (stack, "messages");
      screenshot_window (GTK_WINDOW (page.window), dir, "window-narrow-messages.png");
    }
  page_close (&page);
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/job-page/status-first", test_status_first);
  g_test_add_func ("/ui/job-page/status-first-full-answer-fails", test_status_first_full_fails);
  g_test_add_func ("/ui/job-page/status-first-cut-off", test_status_first_cut_off);
  g_test_add_func ("/ui/job-page/ctrl-f-from-job-id-entry", test_ctrl_f_from_entry);
  g_test_add_func ("/ui/job-page/shortcuts-window-lists-every-accelerator", test_shortcuts_window_complete);
  g_test_add_func ("/ui/job-page/narrow-360", test_narrow_360);

  return g_test_run ();
}
