/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pv_backoff_parse_retry_after (const char *value,
                                       GDateTime  *now,
                                       gint64     *delay_us);
gint64   pv_backoff_exponential       (guint       attempt,
                                       gint64      base_us,
                                       gint64      cap_us,
                                       guint32     random_value);

G_END_DECLS
