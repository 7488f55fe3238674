/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_SIP_DOMAIN (pv_sip_domain_get_type ())

G_DECLARE_FINAL_TYPE (PvSipDomain, pv_sip_domain, PV, SIP_DOMAIN, GObject)

PvSipDomain *pv_sip_domain_new            (void);
PvSipDomain *pv_sip_domain_new_from_json  (JsonNode    *node,
                                           const char  *path,
                                           GError     **error);
JsonNode    *pv_sip_domain_to_json        (PvSipDomain *self);
const char  *pv_sip_domain_get_name       (PvSipDomain *self);
void         pv_sip_domain_set_name       (PvSipDomain *self,
                                           const char  *name);
gboolean     pv_sip_domain_get_is_default (PvSipDomain *self);
void         pv_sip_domain_set_is_default (PvSipDomain *self,
                                           gboolean     is_default);

G_END_DECLS
