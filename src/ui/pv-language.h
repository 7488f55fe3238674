/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PV_SETTINGS_SCHEMA_ID "io.github.provisio.Provisio"

const char *pv_language_from_preference (const char *preference,
                                         const char *current_language);
void        pv_language_apply_preference (void);

G_END_DECLS
