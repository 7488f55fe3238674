/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_TYPE_ORGANIZATION (pv_organization_get_type ())

G_DECLARE_FINAL_TYPE (PvOrganization, pv_organization, PV, ORGANIZATION, GObject)

PvOrganization     *pv_organization_new                  (void);
PvOrganization     *pv_organization_new_from_json        (JsonNode        *node,
                                                          const char      *path,
                                                          GError         **error);
const char         *pv_organization_get_id               (PvOrganization  *self);
const char         *pv_organization_get_display_name     (PvOrganization  *self);
const char         *pv_organization_get_country_code     (PvOrganization  *self);
const char         *pv_organization_get_default_domain   (PvOrganization  *self);
const char         *pv_organization_get_initial_domain   (PvOrganization  *self);
const char * const *pv_organization_get_verified_domains (PvOrganization  *self);

G_END_DECLS
