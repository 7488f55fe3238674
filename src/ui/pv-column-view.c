/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-column-view.h"

/**
 * pv_column_view_add:
 * @title: (nullable): the column's heading
 * @setup: the "setup" handler of the column's GtkSignalListItemFactory
 * @bind: its "bind" handler
 * @unbind: (nullable): its "unbind" handler
 * @data: what the three handlers are given
 * @expand: whether the column takes a share of the spare width
 *
 * Appends a column to @view.  A column that expands can also be resized;
 * one that does not (a check box) keeps the width of its cells.
 */
void
pv_column_view_add (GtkColumnView *view,
                    const char    *title,
                    GCallback      setup,
                    GCallback      bind,
                    GCallback      unbind,
                    gpointer       data,
                    gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, expand);
  gtk_column_view_append_column (view, column);
}
