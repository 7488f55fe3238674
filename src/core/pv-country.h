/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_TYPE_COUNTRY (pv_country_get_type ())

G_DECLARE_FINAL_TYPE (PvCountry, pv_country, PV, COUNTRY, GObject)

PvCountry  *pv_country_new           (const char  *code);
PvCountry  *pv_country_new_from_json (JsonNode    *node,
                                      const char  *path,
                                      GError     **error);
JsonNode   *pv_country_to_json       (PvCountry   *self);
const char *pv_country_get_code      (PvCountry   *self);
const char *pv_country_get_name      (PvCountry   *self);
int         pv_country_compare       (PvCountry   *a,
                                      PvCountry   *b);

G_END_DECLS
