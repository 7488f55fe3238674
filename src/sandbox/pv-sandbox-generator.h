/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *pv_sandbox_generate_user   (guint      index);
JsonNode *pv_sandbox_generate_number (guint      index);
gboolean  pv_sandbox_normalize_seed  (JsonNode  *seed,
                                      guint      n_generated_users,
                                      GError   **error);

G_END_DECLS
