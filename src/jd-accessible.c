/* jd-accessible.c: names for screen readers where GTK 4.8 garbles them.
 *
 * GTK 4.8 names a button twice when it shows a label with a mnemonic: by
 * its label property and again by the mnemonic label inside it, which
 * labels the button. Screen readers then hear "_Look Up Look Up", or
 * "Cancel Cancel" where the property was set by hand. Without the
 * property the name is the mnemonic label's text alone, as shown and
 * without the underline: "Look Up". GtkButton sets the property again
 * whenever its label changes, so it is taken away again then.
 */
#include "config.h"

#include <adwaita.h>

#include "jd-accessible.h"

#define FIXED_KEY "jd-accessible-fixed"

/* A label inside widget that is button's mnemonic label (directly, in a
 * stack of label and spinner, or in an AdwButtonContent). */
static gboolean
has_mnemonic_label (GtkWidget *widget,
                    GtkButton *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          gtk_label_get_use_underline (GTK_LABEL (child)) &&
          gtk_label_get_mnemonic_widget (GTK_LABEL (child)) == GTK_WIDGET (button))
        return TRUE;
      if (ADW_IS_BUTTON_CONTENT (child) &&
          adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child)))
        return TRUE;
      if (has_mnemonic_label (child, button))
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_mnemonic (GtkButton *button)
{
  return has_mnemonic_label (GTK_WIDGET (button), button);
}

static void
drop_label_property (GtkButton *button)
{
  if (shows_mnemonic (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_label_changed_cb (GtkButton  *button,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  drop_label_property (button);
}

void
jd_accessible_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && shows_mnemonic (GTK_BUTTON (root)))
    {
      drop_label_property (GTK_BUTTON (root));
      if (g_object_get_data (G_OBJECT (root), FIXED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (root), FIXED_KEY, GINT_TO_POINTER (TRUE));
          g_signal_connect (root, "notify::label", G_CALLBACK (on_label_changed_cb), NULL);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jd_accessible_fix_mnemonic_buttons (child);
}
