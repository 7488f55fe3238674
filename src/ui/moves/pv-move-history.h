/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-journal.h"

G_BEGIN_DECLS

char     *pv_move_history_dup_waiting  (PvRunState          *run);
void      pv_move_history_check_async  (PvRunState          *run,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  pv_move_history_check_finish (GAsyncResult        *result,
                                        char               **still_waiting,
                                        GError             **error);

G_END_DECLS
