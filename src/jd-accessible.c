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
#include <glib/gi18n.h>

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

/* ------------------------------------------------------------------ */
/* Rows of lists                                                       */

static gboolean
is_type_named (GtkWidget  *widget,
               const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, type);
}

static void
collect_labels (GtkWidget  *widget,
                GList     **labels)
{
  if (GTK_IS_LABEL (widget))
    {
      *labels = g_list_append (*labels, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* widget is labelled by the labels inside it (their text as it changes);
 * FALSE if there are none. */
static gboolean
label_by_labels_inside (GtkWidget *widget)
{
  GList *labels = NULL;
  GValue value = G_VALUE_INIT;
  GtkAccessibleRelation relation = GTK_ACCESSIBLE_RELATION_LABELLED_BY;

  collect_labels (widget, &labels);
  if (labels == NULL)
    return FALSE;

  /* the relation's value takes the list */
  gtk_accessible_relation_init_value (relation, &value);
  g_value_set_pointer (&value, labels);
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (widget), 1, &relation, &value);
  g_value_unset (&value);
  return TRUE;
}

static void
label_by (GtkWidget *widget,
          GtkWidget *other)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, other, NULL,
                                  -1);
}

#define CELLS_PENDING_KEY "jd-accessible-cells-pending"

static gboolean
label_cells_cb (gpointer data)
{
  GtkWidget *row = data;

  g_object_set_data (G_OBJECT (row), CELLS_PENDING_KEY, NULL);
  for (GtkWidget *cell = gtk_widget_get_first_child (row);
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    label_by_labels_inside (cell);
  return G_SOURCE_REMOVE;
}

static void name_column_view (GtkWidget *view,
                              GtkWidget *list);

/* The column view that shows row, its cells, its titles and its list. */
static void
name_column_view_parts (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *view = list != NULL ? gtk_widget_get_parent (list) : NULL;

  /* Each cell is labelled by the labels in it, once all are bound: the
   * cells after this one may have no child yet. */
  if (g_object_get_data (G_OBJECT (row), CELLS_PENDING_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (row), CELLS_PENDING_KEY, GINT_TO_POINTER (TRUE));
      g_idle_add_full (G_PRIORITY_DEFAULT, label_cells_cb, g_object_ref (row), g_object_unref);
    }

  if (GTK_IS_COLUMN_VIEW (view))
    name_column_view (view, list);
}

/* The column view's list of rows, its row of titles and each title. */
static void
name_column_view (GtkWidget *view,
                  GtkWidget *list)
{
  /* the list of rows reads as the table does ("Jobs") */
  if (g_object_get_data (G_OBJECT (view), FIXED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (view), FIXED_KEY, GINT_TO_POINTER (TRUE));
      label_by (list, view);
    }
  /* the row of titles, and each title by its text: again after columns
   * come and go, since each has a title of its own */
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == list)
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"),
                                      -1);
      for (GtkWidget *title = gtk_widget_get_first_child (child);
           title != NULL;
           title = gtk_widget_get_next_sibling (title))
        label_by_labels_inside (title);
    }
}

void
jd_accessible_fix_column_view (GtkColumnView *view)
{
  GtkWidget *list = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL && list == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  if (list != NULL)
    name_column_view (GTK_WIDGET (view), list);
}

/* The row that shows child, or NULL while child is in none. */
static GtkWidget *
row_of (GtkWidget *child)
{
  GtkWidget *parent = child != NULL ? gtk_widget_get_parent (child) : NULL;

  if (parent == NULL || !is_type_named (parent, "GtkListItemWidget"))
    return NULL;
  /* a column view's cell: the row is its parent */
  if (is_type_named (parent, "GtkColumnViewCell"))
    {
      GtkWidget *row = gtk_widget_get_parent (parent);

      if (row != NULL)
        name_column_view_parts (row);
      return row;
    }
  return parent;
}

void
jd_accessible_name_list_row (GtkWidget  *child,
                             const char *name)
{
  GtkWidget *row = row_of (child);

  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

#define LABELLERS_KEY "jd-accessible-labellers"

/* A grid view given the list role (one column of messages, which scrolls
 * faster in GTK 4.8 than a list view does) makes its cells grid cells;
 * each becomes a list item, so that a screen reader meets a list of
 * messages. GTK 4.8 lets a widget's role change until it is shown. */
static void
list_item_of_list (GtkWidget *row)
{
  GtkWidget *view = gtk_widget_get_parent (row);
  GtkAccessible *accessible = GTK_ACCESSIBLE (row);

  if (!GTK_IS_GRID_VIEW (view)
      || gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)) != GTK_ACCESSIBLE_ROLE_LIST
      || gtk_accessible_get_accessible_role (accessible) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    return;
  g_object_set (row, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);
}

static void
label_row (GtkWidget *child)
{
  GtkWidget *row = row_of (child);
  GList *labellers = g_object_get_data (G_OBJECT (child), LABELLERS_KEY);
  GValue value = G_VALUE_INIT;
  GtkAccessibleRelation relation = GTK_ACCESSIBLE_RELATION_LABELLED_BY;

  if (row == NULL)
    return;
  list_item_of_list (row);
  if (labellers == NULL)
    {
      label_by_labels_inside (row);
      return;
    }

  gtk_accessible_relation_init_value (relation, &value);
  g_value_set_pointer (&value, g_list_copy (labellers));
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (row), 1, &relation, &value);
  g_value_unset (&value);
}

static void
on_parent_changed_cb (GtkWidget  *child,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  label_row (child);
}

void
jd_accessible_label_list_row (GtkWidget *child,
                              gpointer   first_labeller,
                              ...)
{
  GList *labellers = NULL;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (child));

  va_start (args, first_labeller);
  for (gpointer w = first_labeller; w != NULL; w = va_arg (args, gpointer))
    labellers = g_list_append (labellers, w);
  va_end (args);

  /* labellers are child's own children: they live as long as it */
  g_object_set_data_full (G_OBJECT (child), LABELLERS_KEY, labellers, (GDestroyNotify) g_list_free);
  if (g_object_get_data (G_OBJECT (child), FIXED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (child), FIXED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (child, "notify::parent", G_CALLBACK (on_parent_changed_cb), NULL);
    }
  label_row (child);
}

/* ------------------------------------------------------------------ */
/* Buttons of library widgets                                          */

static void
name_by_tooltip (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

static void
on_tooltip_changed_cb (GtkWidget  *button,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  name_by_tooltip (button);
}

static void
name_icon_buttons (GtkWidget *root,
                   GtkWidget *skip,
                   GtkWidget *skip_too)
{
  if (root == skip || root == skip_too)
    return;

  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
      GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (root))) &&
      gtk_widget_get_tooltip_text (root) != NULL)
    {
      /* and again as the tooltip changes: a password row's reveal button
       * says what a click does ("Show Text", then "Hide Text") */
      name_by_tooltip (root);
      if (g_object_get_data (G_OBJECT (root), FIXED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (root), FIXED_KEY, GINT_TO_POINTER (TRUE));
          g_signal_connect (root, "notify::tooltip-text", G_CALLBACK (on_tooltip_changed_cb), NULL);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_icon_buttons (child, skip, skip_too);
}

void
jd_accessible_name_icon_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* a tab bar's action widgets are the app's, named already */
  if (ADW_IS_TAB_BAR (root))
    name_icon_buttons (root,
                       adw_tab_bar_get_start_action_widget (ADW_TAB_BAR (root)),
                       adw_tab_bar_get_end_action_widget (ADW_TAB_BAR (root)));
  else
    name_icon_buttons (root, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Drop-downs                                                          */

static GtkWidget *
find_type_named (GtkWidget  *root,
                 const char *type_name)
{
  if (is_type_named (root, type_name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      found = find_type_named (child, type_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of the chosen item: a string list's string, or what the
 * drop-down's expression makes of it. */
static char *
chosen_text (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (item == NULL || expression == NULL)
    return NULL;
  if (gtk_expression_evaluate (expression, item, &value))
    {
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      g_value_unset (&value);
    }
  return text;
}

static void
on_drop_down_selected_cb (GtkDropDown *drop_down,
                          GParamSpec  *pspec,
                          GtkWidget   *item)
{
  g_autofree char *text = chosen_text (drop_down);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

void
jd_accessible_fix_drop_down (GtkDropDown *drop_down)
{
  GtkWidget *button;
  GtkWidget *item;
  GtkWidget *popover;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  button = find_type_named (GTK_WIDGET (drop_down), "GtkToggleButton");
  item = button != NULL ? find_type_named (button, "GtkListItemWidget") : NULL;
  if (button == NULL || item == NULL)
    return;

  /* Its list of choices, which GTK 4.8 leaves to read "GtkListView",
   * reads the drop-down's name. */
  for (popover = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       popover != NULL && !GTK_IS_POPOVER (popover);
       popover = gtk_widget_get_next_sibling (popover))
    ;
  list = popover != NULL ? find_type_named (popover, "GtkListView") : NULL;
  if (list != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);

  /* The button reads the drop-down's name, then the chosen item's. */
  on_drop_down_selected_cb (drop_down, NULL, item);
  g_signal_connect_object (drop_down, "notify::selected-item", G_CALLBACK (on_drop_down_selected_cb), item, 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, item, NULL,
                                  -1);
}
