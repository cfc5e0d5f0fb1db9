/* jd-toast.c: one way to show a short sentence as a toast.
 *
 * Every toast of the app goes through here, so they all escape their text
 * the same way (a toast's title is markup; file names and server messages
 * are not) and stay up as long.
 */
#define G_LOG_DOMAIN "jd-toast"

#include "config.h"

#include "jd-toast.h"

/* Long enough to read a sentence with a file name in it. */
#define JD_TOAST_TIMEOUT_S 3

void
jd_toast_show_in (AdwToastOverlay *overlay,
                  const char      *text)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, JD_TOAST_TIMEOUT_S);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
jd_toast_show (GtkWidget  *widget,
               const char *text)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", text);
      return;
    }

  jd_toast_show_in (ADW_TOAST_OVERLAY (overlay), text);
}
