/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   pv_choose_file_async  (GtkWidget            *widget,
                              const char           *title,
                              GtkFileFilter *const *filters,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
GFile *pv_choose_file_finish (GAsyncResult         *result,
                              GError              **error);
void   pv_choose_save_file_async (GtkWidget            *widget,
                                  const char           *title,
                                  const char           *suggested_name,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);

G_END_DECLS
