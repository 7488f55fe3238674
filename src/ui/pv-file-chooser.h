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

G_END_DECLS
