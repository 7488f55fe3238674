/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pv_column_view_add (GtkColumnView *view,
                         const char    *title,
                         GCallback      setup,
                         GCallback      bind,
                         GCallback      unbind,
                         gpointer       data,
                         gboolean       expand);

G_END_DECLS
