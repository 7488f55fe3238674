/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-info.h"

G_BEGIN_DECLS

char     *pv_powershell_quote   (const char     *value);
char     *pv_powershell_comment (const char     *text);
gboolean  pv_powershell_write   (GOutputStream  *stream,
                                 PvRunInfo      *info,
                                 GListModel     *results,
                                 gboolean        what_if,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
