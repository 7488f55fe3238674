/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_POOL (pv_pool_get_type ())

G_DECLARE_FINAL_TYPE (PvPool, pv_pool, PV, POOL, GObject)

PvPool             *pv_pool_new           (void);
PvPool             *pv_pool_new_from_json (JsonNode    *node,
                                           const char  *path,
                                           GError     **error);
JsonNode           *pv_pool_to_json       (PvPool *self);
const char         *pv_pool_get_fqdn      (PvPool *self);
void                pv_pool_set_fqdn      (PvPool     *self,
                                           const char *fqdn);
PvPoolKind          pv_pool_get_kind      (PvPool *self);
void                pv_pool_set_kind      (PvPool     *self,
                                           PvPoolKind  kind);
const char         *pv_pool_get_site      (PvPool *self);
void                pv_pool_set_site      (PvPool     *self,
                                           const char *site);
const char * const *pv_pool_get_machines  (PvPool *self);
void                pv_pool_set_machines  (PvPool             *self,
                                           const char * const *machines);
gboolean            pv_pool_is_target     (PvPool *self);

G_END_DECLS
