/* jd-accessible.h: names for screen readers where GTK 4.8 garbles them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives every button below root that shows a label with an underlined
 * mnemonic ("_Look Up") one accessible name, that label's text. */
void jd_accessible_fix_mnemonic_buttons (GtkWidget *root);

G_END_DECLS

G_BEGIN_DECLS

/* Names the row of a list, grid or column view that shows child (an
 * item's child, once it is in its row): GTK 4.8 gives rows no name of
 * their own, and names grid cells and table rows by their type,
 * "GtkListItemWidget". In a column view, each cell is named by the
 * labels in it, the column titles by theirs, and the list of rows by the
 * column view's name. In a grid view given the "list" role, the row is
 * made a list item instead of a grid cell. Harmless before child is in a
 * row. */
void jd_accessible_name_list_row   (GtkWidget   *child,
                                    const char  *name);
/* The same, with the row labelled by these widgets below child (their
 * names as they change), or with none given by every label inside it;
 * again whenever child moves into a row. */
void jd_accessible_label_list_row  (GtkWidget   *child,
                                    gpointer     first_labeller,
                                    ...) G_GNUC_NULL_TERMINATED;

/* Names a column view's list of rows as the view, its row of titles, and
 * each title by its text (GTK 4.8 reads them as "GtkColumnListView",
 * "GtkListItemWidget" and "GtkColumnViewTitle"). */
void jd_accessible_fix_column_view (GtkColumnView *view);

/* Names every button below root that shows an icon alone and no label by
 * its tooltip: for library widgets that leave them to be read as
 * "GtkImage" (a password row's reveal button, a tab's close button). */
void jd_accessible_name_icon_buttons (GtkWidget *root);

/* A drop-down's button (which takes the focus) reads the drop-down's
 * name and the chosen item ("Status All"), not "GtkToggleButton". */
void jd_accessible_fix_drop_down   (GtkDropDown *drop_down);

G_END_DECLS
