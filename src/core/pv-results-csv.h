/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *pv_results_csv_protect_number (const char     *value);
gboolean  pv_results_csv_write          (GOutputStream  *stream,
                                         GListModel     *results,
                                         gboolean        bom,
                                         GCancellable   *cancellable,
                                         GError        **error);

G_END_DECLS
