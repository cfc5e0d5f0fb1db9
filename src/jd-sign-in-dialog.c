/* jd-sign-in-dialog.c: server address and credentials, verified before
 * the dialog closes.
 *
 * The dialog builds a new JdClient for the address, asks the Server to
 * accept the credentials, stores them in the keyring and only then hands
 * the client over with "signed-in". A failure stays in the dialog, next to
 * the field it concerns, so the user can correct it and try again.
 */
#define G_LOG_DOMAIN "jd-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-credentials.h"
#include "jd-session.h"
#include "jd-sign-in-dialog.h"

/* Fast answers should not flash a spinner. */
#define SPINNER_DELAY_MS 250

struct _JdSignInDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *sign_in_button;
  GtkStack            *sign_in_stack;
  GtkSpinner          *spinner;
  AdwEntryRow         *server_row;
  AdwActionRow        *suggestion_row;
  AdwActionRow        *insecure_row;
  AdwActionRow        *allow_insecure_row;
  GtkSwitch           *allow_insecure_switch;
  GtkLabel            *server_error_label;
  GtkToggleButton     *api_key_toggle;
  GtkToggleButton     *access_token_toggle;
  AdwPreferencesGroup *api_key_group;
  AdwPreferencesGroup *access_token_group;
  AdwEntryRow         *key_row;
  AdwEntryRow         *secret_row;
  GtkLabel            *api_key_error_label;
  AdwEntryRow         *token_row;
  GtkLabel            *access_token_error_label;
  GtkLabel            *demo_error_label;

  JdSession           *session;
  /* Cancelled by Cancel, by closing, and on dispose. */
  GCancellable        *cancellable;
  /* While verifying and storing: the new client and what it was given. */
  JdClient            *client;
  JdCredentials       *credentials;

  char                *suggestion;
  /* The address the "allow unencrypted" switch currently speaks for. */
  char                *insecure_server;
  JdAuthKind           kind;
  gboolean             busy;
  guint                spinner_timeout_id;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_BUSY,
  PROP_SESSION,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdSignInDialog, jd_sign_in_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gboolean
show_spinner_cb (gpointer user_data)
{
  JdSignInDialog *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->sign_in_stack, "spinner");
  return G_SOURCE_REMOVE;
}

/* The fields follow "busy" through bindings in the template. */
static void
set_busy (JdSignInDialog *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  if (busy)
    {
      self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
    }
  else
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->sign_in_stack, "label");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.demo", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.use-suggestion",
                                 !busy && self->suggestion != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Forgets the client being verified and what it was given. */
static void
drop_attempt (JdSignInDialog *self)
{
  g_clear_object (&self->client);
  g_clear_pointer (&self->credentials, jd_credentials_free);
}

static void
mark_invalid (GtkWidget *row,
              gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
show_server_error (JdSignInDialog *self,
                   const char     *message)
{
  show_label (self->server_error_label, message);
  mark_invalid (GTK_WIDGET (self->server_row), message != NULL);
}

static GtkLabel *
credentials_error_label (JdSignInDialog *self)
{
  return self->kind == JD_AUTH_ACCESS_TOKEN ? self->access_token_error_label
                                            : self->api_key_error_label;
}

/* row: the field to mark, or NULL when the message concerns them all. */
static void
show_credentials_error (JdSignInDialog *self,
                        const char     *message,
                        AdwEntryRow    *row)
{
  show_label (credentials_error_label (self), message);
  if (row != NULL)
    mark_invalid (GTK_WIDGET (row), TRUE);
}

static void
clear_credentials_errors (JdSignInDialog *self)
{
  show_label (self->api_key_error_label, NULL);
  show_label (self->access_token_error_label, NULL);
  mark_invalid (GTK_WIDGET (self->key_row), FALSE);
  mark_invalid (GTK_WIDGET (self->secret_row), FALSE);
  mark_invalid (GTK_WIDGET (self->token_row), FALSE);
}

static void
clear_errors (JdSignInDialog *self)
{
  show_server_error (self, NULL);
  clear_credentials_errors (self);
  show_label (self->demo_error_label, NULL);
}

/* The sign-in failed: which field does the error concern? The address
 * unless the Server itself refused the credentials. */
static gboolean
is_credentials_error (const GError *error)
{
  return g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN) ||
         g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_REQUEST) ||
         g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN);
}

static AdwEntryRow *
first_credentials_row (JdSignInDialog *self)
{
  return self->kind == JD_AUTH_ACCESS_TOKEN ? self->token_row : self->key_row;
}

/* A copy of a field's text without the white space that pasting brings. */
static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_insecure_title (JdSignInDialog *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->insecure_row),
                                 self->kind == JD_AUTH_ACCESS_TOKEN
                                 ? _("This address is not encrypted: your access token would travel in the clear.")
                                 : _("This address is not encrypted: your key and secret would travel in the clear."));
}

static void
set_kind (JdSignInDialog *self,
          JdAuthKind      kind)
{
  if (kind != JD_AUTH_ACCESS_TOKEN)
    kind = JD_AUTH_API_KEY;

  if (self->kind == kind)
    return;

  self->kind = kind;

  /* Toggling re-enters here through "toggled" and stops above. */
  gtk_toggle_button_set_active (kind == JD_AUTH_ACCESS_TOKEN ? self->access_token_toggle
                                                             : self->api_key_toggle,
                                TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->api_key_group), kind == JD_AUTH_API_KEY);
  gtk_widget_set_visible (GTK_WIDGET (self->access_token_group), kind == JD_AUTH_ACCESS_TOKEN);
  update_insecure_title (self);
  clear_credentials_errors (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
update_suggestion (JdSignInDialog *self,
                   char           *suggestion)
{
  g_free (self->suggestion);
  self->suggestion = suggestion;

  if (suggestion != NULL)
    {
      /* Translators: %s is a Web API address, such as
       * https://server.example.com/webapi */
      g_autofree char *title = g_strdup_printf (_("Did you mean %s?"), suggestion);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), suggestion != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.use-suggestion",
                                 !self->busy && suggestion != NULL);
}

/* Credentials go over plain HTTP to loopback only, unless the user says
 * so for this server; the switch starts as the user last left it. */
static void
update_insecure (JdSignInDialog *self,
                 const char     *normalized)
{
  gboolean insecure = normalized != NULL &&
                      g_str_has_prefix (normalized, "http://") &&
                      !jd_client_is_loopback_url (normalized);

  if (self->session == NULL)
    return;   /* still being built */

  gtk_widget_set_visible (GTK_WIDGET (self->insecure_row), insecure);
  gtk_widget_set_visible (GTK_WIDGET (self->allow_insecure_row), insecure);

  if (insecure && g_strcmp0 (self->insecure_server, normalized) != 0)
    {
      g_free (self->insecure_server);
      self->insecure_server = g_strdup (normalized);
      gtk_switch_set_active (self->allow_insecure_switch,
                             jd_servers_get_allow_insecure (jd_session_get_servers (self->session), normalized));
    }
}

static gboolean
insecure_allowed (JdSignInDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->allow_insecure_row)) &&
         gtk_switch_get_active (self->allow_insecure_switch);
}

/* Cancel while verifying: stop, and let the user correct the fields. */
static void
stop_verifying (JdSignInDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  drop_attempt (self);
  set_busy (self, FALSE);
}

static void
finish (JdSignInDialog *self,
        gboolean        remembered)
{
  g_autoptr(JdClient) client = g_steal_pointer (&self->client);
  g_autoptr(JdCredentials) credentials = g_steal_pointer (&self->credentials);

  /* The session saves it (the secret went to the keyring, or nowhere)
   * and makes it the client of every window. */
  jd_session_sign_in (self->session, client, credentials);

  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNED_IN], 0, client, remembered);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JdSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean remembered;

  remembered = jd_credentials_store_finish (result, &error);
  if (jd_client_error_is_cancelled (error))
    return;

  /* No keyring is no reason to refuse a sign-in the Server accepted: the
   * client keeps the credentials in memory for this session. */
  if (!remembered)
    g_debug ("The sign-in will not be remembered: %s", error->message);

  finish (self, remembered);
}

static void
on_sign_in_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JdSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!jd_client_sign_in_finish (JD_CLIENT (source), result, &error))
    {
      if (jd_client_error_is_cancelled (error))
        return;

      drop_attempt (self);
      set_busy (self, FALSE);

      if (is_credentials_error (error))
        {
          AdwEntryRow *row = self->kind == JD_AUTH_ACCESS_TOKEN ? self->token_row : NULL;

          show_credentials_error (self, error->message, row);
          gtk_widget_grab_focus (GTK_WIDGET (self->kind == JD_AUTH_ACCESS_TOKEN ? self->token_row
                                                                                : self->secret_row));
        }
      else
        {
          show_server_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
        }
      return;
    }

  jd_credentials_store_async (self->credentials, self->cancellable,
                              on_stored_cb, g_object_ref (self));
}

static void
on_server_changed_cb (JdSignInDialog *self)
{
  g_autofree char *normalized = NULL;
  char *suggestion = NULL;

  show_server_error (self, NULL);

  normalized = jd_client_normalize_base_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                             &suggestion, NULL);
  update_suggestion (self, suggestion);
  update_insecure (self, normalized);
}

static void
on_server_activated_cb (JdSignInDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (first_credentials_row (self)));
}

static void
on_key_activated_cb (JdSignInDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
}

static void
on_last_field_activated_cb (JdSignInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.sign-in", NULL);
}

static void
on_credentials_changed_cb (JdSignInDialog *self)
{
  clear_credentials_errors (self);
}

static void
on_kind_toggled_cb (JdSignInDialog  *self,
                    GtkToggleButton *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  set_kind (self, toggle == self->access_token_toggle ? JD_AUTH_ACCESS_TOKEN : JD_AUTH_API_KEY);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *key = NULL;
  g_autofree char *secret = NULL;
  GtkWidget *invalid = NULL;

  if (self->busy)
    return;

  clear_errors (self);

  server = jd_client_normalize_base_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                         NULL, &error);
  if (server == NULL)
    {
      show_server_error (self, error->message);
      invalid = GTK_WIDGET (self->server_row);
    }

  /* Refuse empty fields before anything is sent. */
  if (self->kind == JD_AUTH_API_KEY)
    {
      key = dup_stripped_text (self->key_row);
      secret = dup_stripped_text (self->secret_row);

      if (*key == '\0')
        {
          show_credentials_error (self, _("Enter the API key."), self->key_row);
          invalid = invalid != NULL ? invalid : GTK_WIDGET (self->key_row);
        }
      else if (*secret == '\0')
        {
          show_credentials_error (self, _("Enter the API secret."), self->secret_row);
          invalid = invalid != NULL ? invalid : GTK_WIDGET (self->secret_row);
        }
    }
  else
    {
      secret = dup_stripped_text (self->token_row);

      if (*secret == '\0')
        {
          show_credentials_error (self, _("Paste an access token."), self->token_row);
          invalid = invalid != NULL ? invalid : GTK_WIDGET (self->token_row);
        }
    }

  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  g_assert (self->client == NULL);
  self->client = jd_client_new (jd_session_get_soup_session (self->session), server);
  self->credentials = jd_credentials_new (server, self->kind, key, secret);
  jd_credentials_apply (self->credentials, self->client);
  jd_client_set_allow_insecure (self->client, insecure_allowed (self));

  /* The fields turn insensitive: take the focus out of them first, or
   * GtkText keeps blinking a cursor it no longer has. */
  gtk_widget_grab_focus (self->sign_in_button);
  set_busy (self, TRUE);
  jd_client_sign_in_async (self->client, self->cancellable,
                           on_sign_in_ready_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (widget);

  if (self->busy)
    stop_verifying (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
use_suggestion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (widget);
  g_autofree char *suggestion = g_strdup (self->suggestion);

  if (suggestion == NULL)
    return;

  /* Setting the text clears the suggestion (and self->suggestion). */
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), suggestion);
  gtk_editable_set_position (GTK_EDITABLE (self->server_row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (first_credentials_row (self)));
}

/* The session signs in to its own sample server; the dialog reports
 * it like any other sign-in, so whoever opened the dialog learns of it
 * the same way. Nothing goes to the keyring or the settings: the sample
 * key is built in, and remembered stays TRUE as there is nothing to warn
 * about. */
static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdSignInDialog) hold = NULL;
  JdClient *client;

  if (self->busy)
    return;

  clear_errors (self);

  if (!jd_session_sign_in_demo (self->session, &error))
    {
      show_label (self->demo_error_label, error->message);
      return;
    }

  client = jd_session_get_client (self->session);
  hold = g_object_ref (self);
  g_signal_emit (self, signals[SIGNED_IN], 0, client, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* GtkWidget and GtkWindow                                             */

static void
jd_sign_in_dialog_map (GtkWidget *widget)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (widget);
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));

  GTK_WIDGET_CLASS (jd_sign_in_dialog_parent_class)->map (widget);

  /* Start where there is something to type. */
  if (*server == '\0' || self->suggestion != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (first_credentials_row (self)));
}

static gboolean
jd_sign_in_dialog_close_request (GtkWindow *window)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (jd_sign_in_dialog_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

/* Start from the last sign-in: its address, and how it was made. */
static void
jd_sign_in_dialog_constructed (GObject *object)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (object);
  g_autofree char *server = NULL;

  G_OBJECT_CLASS (jd_sign_in_dialog_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  server = jd_session_dup_last_server (self->session);
  set_kind (self, jd_session_get_last_kind (self->session));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
}

static void
jd_sign_in_dialog_dispose (GObject *object)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  drop_attempt (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_SIGN_IN_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (jd_sign_in_dialog_parent_class)->dispose (object);
}

static void
jd_sign_in_dialog_finalize (GObject *object)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (object);

  g_free (self->suggestion);
  g_free (self->insecure_server);

  G_OBJECT_CLASS (jd_sign_in_dialog_parent_class)->finalize (object);
}

static void
jd_sign_in_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_sign_in_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JdSignInDialog *self = JD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KIND:
      set_kind (self, g_value_get_enum (value));
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_sign_in_dialog_class_init (JdSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jd_sign_in_dialog_constructed;
  object_class->dispose = jd_sign_in_dialog_dispose;
  object_class->finalize = jd_sign_in_dialog_finalize;
  object_class->get_property = jd_sign_in_dialog_get_property;
  object_class->set_property = jd_sign_in_dialog_set_property;
  widget_class->map = jd_sign_in_dialog_map;
  window_class->close_request = jd_sign_in_dialog_close_request;

  /**
   * JdSignInDialog:kind:
   *
   * Which credentials the dialog asks for: an API key and secret, or an
   * access token.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JD_TYPE_AUTH_KIND, JD_AUTH_API_KEY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JdSignInDialog:busy:
   *
   * TRUE while the Server verifies the credentials and the keyring stores
   * them; the fields are insensitive meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * JdSignInDialog:session:
   *
   * The session a sign-in is saved to and made the client of.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, JD_TYPE_CLIENT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, sign_in_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, insecure_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, allow_insecure_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, allow_insecure_switch);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, server_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, api_key_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, access_token_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, api_key_group);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, access_token_group);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, api_key_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, access_token_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdSignInDialog, demo_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_server_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_server_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_last_field_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_credentials_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sign-in.use-suggestion", NULL, use_suggestion_action);
  gtk_widget_class_install_action (widget_class, "sign-in.demo", NULL, demo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_sign_in_dialog_init (JdSignInDialog *self)
{
  self->kind = JD_AUTH_API_KEY;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  jd_accessible_name_icon_buttons (GTK_WIDGET (self->secret_row));
  jd_accessible_name_icon_buttons (GTK_WIDGET (self->token_row));

  update_insecure_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.use-suggestion", FALSE);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdSignInDialog *
jd_sign_in_dialog_new (GtkWindow *parent,
                       JdSession *session)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JD_IS_SESSION (session), NULL);

  return g_object_new (JD_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

void
jd_sign_in_dialog_set_server (JdSignInDialog *self,
                              const char     *server)
{
  g_return_if_fail (JD_IS_SIGN_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server != NULL ? server : "");
}

JdAuthKind
jd_sign_in_dialog_get_kind (JdSignInDialog *self)
{
  g_return_val_if_fail (JD_IS_SIGN_IN_DIALOG (self), JD_AUTH_API_KEY);
  return self->kind;
}

void
jd_sign_in_dialog_set_kind (JdSignInDialog *self,
                            JdAuthKind      kind)
{
  g_return_if_fail (JD_IS_SIGN_IN_DIALOG (self));
  set_kind (self, kind);
}

gboolean
jd_sign_in_dialog_get_busy (JdSignInDialog *self)
{
  g_return_val_if_fail (JD_IS_SIGN_IN_DIALOG (self), FALSE);
  return self->busy;
}
