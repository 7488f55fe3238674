/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    pv_iso_codes_is_country        (const char *alpha2);
const char *pv_iso_codes_get_english_name  (const char *alpha2);
const char *pv_iso_codes_get_country_name  (const char *alpha2);
GStrv       pv_iso_codes_list_countries    (void);

G_END_DECLS
